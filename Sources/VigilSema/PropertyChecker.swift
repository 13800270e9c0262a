import VigilBasics
import VigilSyntax

extension Analyzer {
    /// Checks an `ensures` clause of `function`; its property is named after the keyword's line.
    func checkEnsures(_ e: Expr, _ function: FunctionInfo, range: SourceRange) -> EnsuresInfo? {
        withBody(mode: .ensures(function), function: function, owner: nil) {
            pushScope()
            for p in function.decl.parameters { declareVariable(p, contract: current.name, isParameter: true) }
            expect(e, .bool, what: "an 'ensures' condition")
            popScope()
        }
        if !function.isEntryPoint {
            bag.warning(
                "sema.ensures-on-internal",
                "'ensures' on a non-public function is never judged: internal calls are not checked", at: range)
        }
        return EnsuresInfo(
            name: propertyName("ensures", at: range), function: function.name, expression: e, range: range)
    }

    /// `kind@LINE` (`kind@LINE:COL` with `column`), or `kind@File.sol:LINE` for code of a base
    /// written in another source file than the contract's (a spec's line needs no file).
    func propertyName(_ kind: String, at range: SourceRange, column: Bool = false) -> String {
        let at = sources.start(of: range)
        let path = sources[range.file].path
        let place =
            range.file == current.file || path.hasSuffix(".spec") ? "" : "\(path.split(separator: "/").last ?? ""):"
        return "\(kind)@\(place)\(at.line)" + (column ? ":\(at.column)" : "")
    }

    /// `properties` with the column added to the name (`assert@LINE:COL`) of each that shares
    /// its name (its line) with another, so that each name identifies one property.
    func namedByColumnWhereShared<P>(
        _ properties: [P], range: KeyPath<P, SourceRange>, name: WritableKeyPath<P, String>
    ) -> [P] {
        var count: [String: Int] = [:]
        for p in properties { count[p[keyPath: name], default: 0] += 1 }
        return properties.map { p in
            guard count[p[keyPath: name], default: 0] > 1 else { return p }
            var named = p
            named[keyPath: name] += ":\(sources.start(of: p[keyPath: range]).column)"
            return named
        }
    }

    /// Checks a rule's parameters and body and the rules about `assert`, `satisfy` and `call any`.
    func checkRule(_ r: RuleDecl, contract: String) -> RuleInfo? {
        var info: RuleInfo?
        withBody(mode: .rule, function: nil, owner: nil) {
            pushScope()
            for p in r.parameters { declareVariable(p, contract: contract, isParameter: true) }
            checkBlock(r.body, newScope: true)
            popScope()
            if context.ruleHasAssert, context.ruleHasSatisfy {
                bag.error(
                    "sema.rule-assert-and-satisfy", "a rule uses either 'assert' or 'satisfy', not both",
                    at: context.ruleFirstSatisfy ?? r.name.range,
                    notes: [DiagnosticNote("'assert' used here", at: context.ruleFirstAssert)])
            }
            if context.ruleCallAny.count > 1 {
                bag.error(
                    "sema.rule-several-call-any", "a rule may have only one 'call any'", at: context.ruleCallAny[1],
                    notes: [DiagnosticNote("first 'call any' here", at: context.ruleCallAny[0])])
            }
            if !context.ruleHasAssert, !context.ruleHasSatisfy {
                bag.warning(
                    "sema.rule-checks-nothing", "rule '\(r.name.name)' has no 'assert' or 'satisfy'", at: r.name.range)
            }
            let inputs = r.parameters + Self.undefinedLocals(r.body)
            // The environment chooses a rule's inputs as single values (`Schedule.ruleInputs`).
            for v in inputs {
                switch variableTypes[v.id] {
                case .structType?, .mapping?, .bytes?, .string?, .function?, .tuple?:
                    bag.add(SemaDiagnostics.notSupported("a rule input that is not a single value", v.range))
                default: break
                }
            }
            info = RuleInfo(
                name: r.name.name, decl: r, isSatisfy: context.ruleHasSatisfy, hasCallAny: !context.ruleCallAny.isEmpty,
                inputs: inputs)
        }
        return info
    }

    /// Locals declared without a value, in source order (loops are not allowed in rules).
    private static func undefinedLocals(_ block: Block) -> [VariableDecl] {
        func walk(_ s: Stmt) -> [VariableDecl] {
            switch s.kind {
            case .variable(let v, nil): [v]
            case .block(let b): b.statements.flatMap(walk)
            case .ifStmt(_, let thenS, let elseS): walk(thenS) + (elseS.map(walk) ?? [])
            default: []
            }
        }
        return block.statements.flatMap(walk)
    }

    /// `[try] call f(args) [from s] [value v];`
    func checkRuleCall(_ call: RuleCall) {
        guard case .rule = context.mode else {
            bag.add(SemaDiagnostics.ruleOnly("call", call.range))
            return
        }
        if call.isTry { context.ruleHasTryCall = true }
        if let s = call.sender { expect(s, .address(payable: false), what: "sender") }
        if let v = call.value { expect(v, .uint(256), what: "value") }
        switch call.target {
        case .any:
            context.ruleCallAny.append(call.range)
        case .function(let name, let args):
            if current.overloads[name.name] != nil {
                bag.add(SemaDiagnostics.notSupported("a rule calling an overloaded function", name.range))
                for a in args { typeOf(a) }
                return
            }
            guard let f = current.functions[name.name] else {
                bag.error(
                    "sema.unknown-function", "no function named '\(name.name)' in contract '\(current.name)'",
                    at: name.range)
                for a in args { typeOf(a) }
                return
            }
            guard f.isEntryPoint else {
                bag.error(
                    "sema.call-not-public",
                    "a rule can only call public or external functions; '\(name.name)' is \(f.visibility.rawValue)",
                    at: name.range)
                return
            }
            if call.value != nil, !f.isPayable {
                bag.error(
                    "sema.value-to-nonpayable", "'\(name.name)' is not payable: it cannot be called with a value",
                    at: call.value!.range)
            }
            guard f.parameterTypes.count == args.count else {
                bag.add(
                    SemaDiagnostics.argumentCount(
                        name.name, expected: f.parameterTypes.count, got: args.count, name.range))
                for a in args { typeOf(a) }
                return
            }
            for (t, a) in zip(f.parameterTypes, args) { expect(a, t, what: "argument") }
        }
    }
}
