import BigInt
import VigilBasics
import VigilSyntax

extension Analyzer {
    func checkBlock(_ block: Block, newScope: Bool) {
        if newScope { pushScope() }
        for s in block.statements { checkStatement(s) }
        if newScope { popScope() }
    }

    func checkStatement(_ s: Stmt) {
        if case .rule = context.mode, let construct = Self.unsupportedInRules(s.kind) {
            bag.add(SemaDiagnostics.notSupported("\(construct) in a rule", s.range))
            return
        }
        switch s.kind {
        case .variable(let v, let initializer):
            // The initialiser is checked before the name is in scope.
            let t = resolveType(v.type, in: current.name) ?? .void
            if let initializer { expect(initializer, t, what: "initial value") }
            if case .mapping = t, v.location != .storage {
                bag.add(SemaDiagnostics.notSupported("mapping local variables", v.range))
            }
            if v.location == .storage {
                // A struct, an array or a mapping in state (`mapping(...) storage m = owned[a]`).
                let isLocation: Bool =
                    switch t {
                    case .structType, .mapping: true
                    default: false
                    }
                guard isLocation, let initializer, isStateLocation(initializer) else {
                    bag.add(
                        SemaDiagnostics.notSupported(
                            "a 'storage' local that is not a struct, array or mapping in state given by its initial value",
                            v.range))
                    declareVariable(v, contract: current.name)
                    return
                }
                storageLocals.insert(v.id)
            }
            declareVariable(v, contract: current.name)
        case .tupleVariable(let vars, let initializer):
            guard let t = checkTupleDeclaration(vars, initializer) else { return }
            guard t == .callResult, vars.count == 2, let first = vars[0] else {
                bag.add(
                    SemaDiagnostics.notSupported(
                        "tuple declarations other than '(bool ok, ) = to.call{value: v}(\"\")'", s.range))
                return
            }
            let ft = declareVariable(first, contract: current.name)
            if ft != .bool {
                bag.add(SemaDiagnostics.typeMismatch("the first component of a call's result is 'bool'", first.range))
            }
            if let second = vars[1] {
                let st = declareVariable(second, contract: current.name)
                if st != .bytes {
                    bag.add(
                        SemaDiagnostics.typeMismatch("the second component of a call's result is 'bytes'", second.range)
                    )
                }
                context.used.insert(second.id)
            }
        case .expression(let e):
            let t = typeOf(e)
            if case .literal = t { _ = convertLiteral(e, literalValueOf(t), to: .uint(256), what: "statement") }
        case .block(let b):
            checkBlock(b, newScope: true)
        case .unchecked(let b):
            let saved = context.unchecked
            context.unchecked = true
            checkBlock(b, newScope: true)
            context.unchecked = saved
        case .ifStmt(let c, let thenS, let elseS):
            expect(c, .bool, what: "condition")
            checkScoped(thenS)
            if let elseS { checkScoped(elseS) }
        case .forStmt(let initializer, let condition, let update, let body):
            pushScope()
            if let initializer { checkStatement(initializer) }
            if let condition { expect(condition, .bool, what: "loop condition") }
            if let update { typeOf(update) }
            context.loopDepth += 1
            checkScoped(body)
            context.loopDepth -= 1
            popScope()
        case .whileStmt(let c, let body):
            expect(c, .bool, what: "loop condition")
            context.loopDepth += 1
            checkScoped(body)
            context.loopDepth -= 1
        case .breakStmt, .continueStmt:
            if context.loopDepth == 0 {
                bag.error("sema.outside-loop", "'break' and 'continue' can only be used inside a loop", at: s.range)
            }
        case .returnStmt(let value):
            checkReturn(value, at: s.range)
        case .emit(let event, let args):
            guard let decl = declaration(event, seenBy: current.name, in: eventDecls) else {
                bag.add(SemaDiagnostics.undeclared(event.name, event.range))
                for a in args { typeOf(a) }
                return
            }
            emittedEvents[s.id] = decl
            checkDeclaredArguments(event.name, decl.parameters, args, at: s.range)
        case .revertError(let error, let args):
            guard let decl = declaration(error, seenBy: current.name, in: errorDecls) else {
                bag.add(SemaDiagnostics.undeclared(error.name, error.range))
                for a in args { typeOf(a) }
                return
            }
            checkDeclaredArguments(error.name, decl.parameters, args, at: s.range)
        case .delete(let target):
            let t = typeOf(target)
            if case .mapping = t {
                bag.error(
                    "sema.delete-mapping", "'delete' of a whole mapping does nothing in Solidity; delete its entries",
                    at: s.range)
            } else if holdsMapping(t) {
                // Solidity resets the other fields and leaves the mappings as they are.
                bag.add(SemaDiagnostics.notSupported("'delete' of a struct that holds a mapping", s.range))
            }
            checkAssignable(target)
        case .placeholder:
            if case .modifier = context.mode {} else { bag.add(SemaDiagnostics.placeholderOutsideModifier(s.range)) }
        case .ruleCall(let call):
            checkRuleCall(call)
        case .assembly(let a):
            checkAssembly(a, statement: s)
        case .tryStmt(let t):
            checkTry(t)
        }
    }

    /// The statements a rule cannot hold (a rule is a straight-line scenario with branches).
    private static func unsupportedInRules(_ kind: Stmt.Kind) -> String? {
        switch kind {
        case .forStmt, .whileStmt, .breakStmt, .continueStmt: "a loop"
        case .returnStmt: "'return'"
        case .emit: "'emit'"
        case .revertError: "'revert'"
        case .delete: "'delete'"
        case .unchecked: "an 'unchecked' block"
        case .tupleVariable: "a tuple declaration"
        case .assembly: "inline assembly"
        case .tryStmt: "'try'"
        default: nil
        }
    }

    /// `try`: an external call or a contract creation, what it returns bound in the body, and
    /// the clause that catches every failure.
    private func checkTry(_ t: TryStatement) {
        let returned = typeOf(t.call)
        switch calls[t.call.id] {
        case .interfaceFunction?, .creation?:
            break
        case .selfCall?:
            bag.add(SemaDiagnostics.notSupported("'try' on a call through 'this'", t.call.range))
        default:
            bag.error("sema.try-target", "'try' needs an external function call or 'new C(...)'", at: t.call.range)
        }
        pushScope()
        if !t.returns.isEmpty {
            let types: [SolType] = if case .tuple(let ts) = returned { ts } else { returned == .void ? [] : [returned] }
            if types.count != t.returns.count {
                bag.error(
                    "sema.try-returns",
                    "the call returns \(types.count) value\(types.count == 1 ? "" : "s"), 'returns' names \(t.returns.count)",
                    at: t.returns[0].range)
            }
            for (i, v) in t.returns.enumerated() {
                let declared = declareVariable(v, contract: current.name)
                if i < types.count, declared != types[i], !isImplicitlyConvertible(types[i], to: declared) {
                    let type = types[i]
                    bag.add(SemaDiagnostics.typeMismatch("the call returns '\(type)', not '\(declared)'", v.range))
                }
            }
        }
        checkBlock(t.body, newScope: true)
        popScope()
        for c in t.catches {
            pushScope()
            let declared = c.parameters.map { declareVariable($0, contract: current.name) }
            switch c.kind?.name {
            case nil:
                if let i = declared.firstIndex(where: { $0 != .bytes }) {
                    bag.error(
                        "sema.catch-parameter", "the failure data of 'catch (...)' is 'bytes memory'",
                        at: c.parameters[i].range)
                }
            case "Error":
                if declared != [.string] {
                    bag.error(
                        "sema.catch-parameter", "'catch Error' takes the reason, one 'string memory'",
                        at: c.parameters.first?.range ?? c.range)
                }
            case "Panic":
                if declared != [.uint(256)] {
                    bag.error(
                        "sema.catch-parameter", "'catch Panic' takes the code, one 'uint256'",
                        at: c.parameters.first?.range ?? c.range)
                }
            case let name?:
                bag.error(
                    "sema.catch-kind",
                    "'catch \(name)' is no catch clause: write 'catch', 'catch (bytes memory ...)', "
                        + "'catch Error(string memory ...)' or 'catch Panic(uint256 ...)'",
                    at: c.kind?.range ?? c.range)
            }
            checkBlock(c.body, newScope: true)
            popScope()
        }
        for kind in ["Error", "Panic"] {
            let clauses = t.catches.filter { $0.kind?.name == kind }
            if clauses.count > 1 {
                bag.error(
                    "sema.catch-twice", "only one 'catch \(kind)' clause may catch such failures", at: clauses[1].range)
            }
        }
        let catchAll = t.catches.filter { $0.kind == nil }
        if catchAll.count > 1 {
            bag.error("sema.catch-twice", "only one 'catch' clause may catch every failure", at: catchAll[1].range)
        }
    }

    /// A branch or loop body gets its own scope even when it is a single statement.
    private func checkScoped(_ s: Stmt) {
        pushScope()
        checkStatement(s)
        popScope()
    }

    private func literalValueOf(_ t: SolType) -> Rational {
        if case .literal(let v) = t { return v }
        return Rational(0)
    }

    /// `(T a, , U c) = e` for a tuple `e` (a call of a function with several return values, or
    /// values written out): nil once checked; for anything else (a low-level call's result),
    /// `e`'s type, checked once here for the caller to go on with.
    private func checkTupleDeclaration(_ vars: [VariableDecl?], _ initializer: Expr) -> SolType? {
        if case .tuple(let values) = initializer.kind {
            guard values.count == vars.count else {
                bag.add(
                    SemaDiagnostics.typeMismatch(
                        "\(values.count) values for \(vars.count) variables", initializer.range))
                for v in vars { if let v { declareVariable(v, contract: current.name) } }
                return nil
            }
            var componentTypes: [SolType] = []
            for (v, value) in zip(vars, values) {
                let t = v.map { resolveType($0.type, in: current.name) ?? .void }
                if let value, let t { expect(value, t, what: "initial value") } else if let value { typeOf(value) }
                componentTypes.append(t ?? .void)
            }
            types[initializer.id] = .tuple(componentTypes)
        } else {
            let t = typeOf(initializer)
            switch initializer.kind {
            case .call, .namedCall: if t == .callResult { return t }
            default: return t
            }
            guard case .tuple(let values) = t, values.count == vars.count else {
                if t != .void {
                    bag.add(
                        SemaDiagnostics.typeMismatch(
                            "cannot declare \(vars.count) variables from '\(t)'", initializer.range))
                }
                for v in vars { if let v { declareVariable(v, contract: current.name) } }
                return nil
            }
            for (v, value) in zip(vars, values) {
                guard let v else { continue }
                let t = resolveType(v.type, in: current.name) ?? .void
                if !isImplicitlyConvertible(value, to: t) {
                    bag.add(
                        SemaDiagnostics.typeMismatch(
                            "cannot use '\(value)' as the initial value of type '\(t)'", v.range))
                }
            }
        }
        for v in vars { if let v { declareVariable(v, contract: current.name) } }
        return nil
    }

    private func checkReturn(_ value: Expr?, at range: SourceRange) {
        if case .modifier = context.mode {
            if let value {
                bag.error("sema.return-value", "a modifier cannot return a value", at: value.range)
            }
            return
        }
        guard let f = context.function else {
            bag.error("sema.return-outside-function", "'return' can only be used in a function", at: range)
            return
        }
        switch (value, f.returnType) {
        case (nil, _):
            break
        case (let v?, nil):
            bag.error("sema.return-value", "'\(f.name)' does not return a value", at: v.range)
            typeOf(v)
        case (let v?, let t?):
            expect(v, t, what: "return value")
        }
    }

    func checkDeclaredArguments(_ name: String, _ params: [VariableDecl], _ args: [Expr], at range: SourceRange) {
        guard params.count == args.count else {
            bag.add(SemaDiagnostics.argumentCount(name, expected: params.count, got: args.count, range))
            for a in args { typeOf(a) }
            return
        }
        for (p, a) in zip(params, args) {
            let t = resolveType(p.type, in: current.name) ?? .void
            expect(a, t, what: "argument")
        }
    }

    /// True when `e` denotes a location in state (a state variable, a mapping entry or field of one).
    func isStateLocation(_ e: Expr) -> Bool {
        switch e.kind {
        case .identifier:
            switch references[e.id] {
            case .stateVariable?: return true
            case .local(let id)?: return storageLocals.contains(id)
            default: return false
            }
        case .index(let base, _), .member(let base, _): return isStateLocation(base)
        case .parenthesized(let inner): return isStateLocation(inner)
        case .call:
            // The storage at a constant slot, or an array's element (StorageSlots.swift).
            if case .stateVariable? = references[e.id] { return true }
            return storageAliases[e.id] != nil
        default: return false
        }
    }

    /// Whether a struct (or its nested structs) has a mapping among its fields.
    func holdsMapping(_ t: SolType) -> Bool {
        guard case .structType(let name) = t, arrays[name] == nil else { return false }
        return (structs[name]?.fields ?? []).contains { field in
            if case .mapping = field.type { return true }
            return holdsMapping(field.type)
        }
    }
}
