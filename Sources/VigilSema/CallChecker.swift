import BigInt
import VigilBasics
import VigilSyntax

extension Analyzer {
    /// Checks a call expression: decides what it calls (recorded in `calls`) and returns its type.
    func callType(
        _ e: Expr, callee: Expr, arguments: [Expr], options: [(name: Identifier, value: Expr)]?
    ) -> SolType {
        var calleeExpr = callee
        while case .parenthesized(let inner) = calleeExpr.kind { calleeExpr = inner }
        if case .newContract(let name) = calleeExpr.kind {
            return creation(e, name, arguments: arguments, options: options ?? [])
        }
        if case .newArray(let type) = calleeExpr.kind { return newArray(e, type, arguments: arguments) }
        if options != nil {
            // `a.call{value: v}(...)` and `token.f{value: v}(...)` of an interface or contract.
            guard case .member(let base, let name) = calleeExpr.kind,
                name.name == "call" || (libraryKey(base) == nil && isInterfaceValue(base))
            else {
                bag.add(
                    SemaDiagnostics.notSupported(
                        "call options other than on '.call' or on a call of an interface function", e.range))
                return .void
            }
        }
        switch calleeExpr.kind {
        case .elementaryType(let t):
            return conversion(e, to: t.solType, arguments: arguments)
        case .identifier("keccak256") where lookupLocal("keccak256") == nil && current.functions["keccak256"] == nil:
            return hashCall(e, arguments: arguments)
        case .identifier("gasleft") where lookupLocal("gasleft") == nil && current.functions["gasleft"] == nil:
            checkArguments("gasleft", [], arguments, at: e.range)
            calls[e.id] = .gasLeft
            return .uint(256)
        case .identifier(let name)
        where ["sha256", "ripemd160", "ecrecover", "blockhash"].contains(name) && lookupLocal(name) == nil
            && current.functions[name] == nil:
            return abstractedCall(e, AbstractedBuiltin(rawValue: name) ?? .sha256, arguments: arguments)
        case .identifier(let name)
        where ["addmod", "mulmod"].contains(name) && lookupLocal(name) == nil && current.functions[name] == nil:
            return modularArithmetic(e, multiply: name == "mulmod", arguments: arguments)
        case .identifier(let name):
            return namedCall(e, callee: calleeExpr, name: name, arguments: arguments)
        case .member(let base, let name):
            // `L.f(...)`: a library's function, linked into the contract as `L.f`.
            if let l = libraryKey(base) {
                return namedCall(e, callee: calleeExpr, name: "\(l).\(name.name)", arguments: arguments)
            }
            // `M.f(...)`, `M.I(x)` of `import "p" as M;`: a name of that file.
            if case .identifier(let m) = base.kind, lookupLocal(m) == nil, isModule(m, in: base.range.file) {
                return namedCall(e, callee: calleeExpr, name: "\(m).\(name.name)", arguments: arguments)
            }
            // `T.wrap(x)`, `L.T.unwrap(x)` of a user-defined value type: the value itself.
            if ["wrap", "unwrap"].contains(name.name), let t = writtenName(base),
                let decl = declaration(t, seenBy: current.name, in: userTypeDecls)
            {
                guard let underlying = userType(decl, in: current.name) else { return .void }
                return conversion(e, to: underlying, arguments: arguments)
            }
            if case .identifier("super") = base.kind {
                // A `super.f` the flattening resolved is a plain name by now.
                bag.error(
                    "sema.super", "no base of '\(current.name)' implements '\(name.name)' to call through 'super'",
                    at: calleeExpr.range)
                for a in arguments { typeOf(a) }
                return .void
            }
            return memberCall(e, base: base, name: name, arguments: arguments, options: options ?? [])
        default:
            bag.error("sema.not-callable", "this expression cannot be called", at: callee.range)
            return .void
        }
    }

    /// Whether `e` names a location in storage: a path from a state variable or a `storage` local.
    func isInStorage(_ e: Expr) -> Bool {
        switch e.kind {
        case .member(let b, _), .index(let b, _), .parenthesized(let b): return isInStorage(b)
        case .identifier:
            switch references[e.id] {
            case .stateVariable?: return true
            case .local(let id)?: return storageLocals.contains(id)
            default: return false
            }
        default: return false
        }
    }

    /// `addmod(a, b, n)`, `mulmod(a, b, n)`: `(a + b) % n` and `(a * b) % n` computed exactly; a
    /// modulus that may be zero is a built-in check (Solidity's panic).
    private func modularArithmetic(_ e: Expr, multiply: Bool, arguments: [Expr]) -> SolType {
        checkArguments(multiply ? "mulmod" : "addmod", [.uint(256), .uint(256), .uint(256)], arguments, at: e.range)
        calls[e.id] = .modularArithmetic(multiply: multiply)
        if arguments.count == 3, constants[arguments[2].id].map({ $0 == 0 }) ?? true {
            recordBuiltInCheck(.divisionByZero, at: e, located: arguments[2])
        }
        return .uint(256)
    }

    /// `new T[](n)`, `new bytes(n)`, `new string(n)`: an array in memory of `n` zero elements.
    private func newArray(_ e: Expr, _ type: TypeName, arguments: [Expr]) -> SolType {
        let t = resolveType(type, in: currentContract?.name) ?? .void
        checkArguments("new \(t)", [.uint(256)], arguments, at: e.range)
        if arrayInfo(t)?.size != nil {
            bag.error("sema.new-fixed-array", "'new' makes dynamic arrays; '\(t)' has a fixed size", at: type.range)
            return .void
        }
        guard arrayInfo(t) != nil || t == .bytes || t == .string else {
            if t != .void {
                bag.error("sema.new-not-array", "'new \(t)' is neither a contract nor a dynamic array", at: type.range)
            }
            return .void
        }
        calls[e.id] = .newArray
        return t
    }

    /// `new C{value: v, salt: s}(args)`: the arguments of C's constructor; a contract of type `C`.
    private func creation(
        _ e: Expr, _ name: Identifier, arguments: [Expr], options: [(name: Identifier, value: Expr)]
    ) -> SolType {
        let key = global(name.name, from: name.range.file)
        guard let (decl, _) = contractDecls[key], !decl.isAbstract else {
            bag.error(
                "sema.new-not-contract",
                "'\(name.name)' is not a contract that can be created (an abstract contract, an interface and a "
                    + "library cannot)", at: name.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        var constructor: FunctionDecl?
        for case .function(let f) in decl.members where f.kind == .constructor { constructor = f }
        let parameters = constructor?.parameters ?? []
        checkArguments(
            "new \(name.name)", parameters.map { resolveType($0.type, in: key) ?? .void }, arguments,
            at: e.range)
        for option in options {
            switch option.name.name {
            case "value":
                if constructor?.mutability != .payable {
                    bag.error(
                        "sema.new-value", "the constructor of '\(name.name)' is not payable: it takes no ether",
                        at: option.name.range)
                }
                expect(option.value, .uint(256), what: "value")
            case "salt":
                expect(option.value, .fixedBytes(32), what: "salt")
            default:
                bag.add(SemaDiagnostics.notSupported("the option '\(option.name.name)' of 'new'", option.name.range))
            }
        }
        calls[e.id] = .creation(contract: key)
        if currentContract != nil { current.abstractions.append(Abstraction(kind: .creation, range: e.range)) }
        context.writesState = true
        context.readsState = true
        context.handsOverControl = true
        return .interface(key)
    }

    func checkArguments(_ name: String, _ types: [SolType], _ args: [Expr], at range: SourceRange) {
        guard types.count == args.count else {
            bag.add(SemaDiagnostics.argumentCount(name, expected: types.count, got: args.count, range))
            for a in args { typeOf(a) }
            return
        }
        for (t, a) in zip(types, args) { expect(a, t, what: "argument") }
    }

    // MARK: Named callees

    private func namedCall(_ e: Expr, callee: Expr, name: String, arguments: [Expr]) -> SolType {
        let calleeType = typeOf(callee)
        current.functionValueUses[callee.id] = nil
        if case .function(let parameters, let returns) = calleeType, references[callee.id] != .function(name) {
            return functionValueCall(e, parameters: parameters, returns: returns, arguments: arguments)
        }
        switch references[callee.id] {
        case .builtin(let b)?:
            return builtinCall(e, b, arguments: arguments)
        case .function(let name)?:
            guard let f = resolveOverload(name, arguments: arguments, at: callee.range),
                let info = current.functions[f]
            else {
                for a in arguments { typeOf(a) }
                return .void
            }
            if let source = slotSource(info.decl) { return slotCall(e, info, source, arguments: arguments) }
            calls[e.id] = .internalFunction(f)
            return internalCall(e, f, info, parameterTypes: info.parameterTypes, arguments: arguments, at: callee.range)
        case .typeName(let t)?:
            switch t {
            case .structType(let q):
                calls[e.id] = .structConstructor(q)
                checkArguments(q, structs[q]?.fields.map(\.type) ?? [], arguments, at: e.range)
                return t
            default:
                return conversion(e, to: t, arguments: arguments)
            }
        case nil:
            for a in arguments { typeOf(a) }
            return .void
        default:
            bag.error("sema.not-callable", "'\(name)' is not a function", at: callee.range)
            return .void
        }
    }

    /// Whether argument `e` of type `t` converts implicitly to a parameter of type `p`, without
    /// reporting anything (for choosing among overloads).
    func converts(_ e: Expr, _ t: SolType, to p: SolType) -> Bool {
        switch t {
        case .literal(let v):
            guard let n = v.integer else { return false }
            return p.isInteger && p.contains(n)
        case .string where isStringLiteralExpression(e):
            return p == .string || p == .bytes || p.isFixedBytes
        default:
            return p.accepts(t)
        }
    }

    private func isStringLiteralExpression(_ e: Expr) -> Bool {
        if case .string = e.kind { return true }
        if case .parenthesized(let inner) = e.kind { return isStringLiteralExpression(inner) }
        return false
    }

    /// `op(a, b)` through a function value: any function the contract names as a value may run
    /// (for recursion, purity and memory checks); the engines run the one it names.
    private func functionValueCall(_ e: Expr, parameters: [SolType], returns: [SolType], arguments: [Expr]) -> SolType {
        checkArguments("the function value", parameters, arguments, at: e.range)
        calls[e.id] = .functionValue
        // (What it may do is the function type's to say, and solc holds values to their types.)
        current.functionValueCallers.append((context.owner ?? Self.otherCode, e.range))
        switch returns.count {
        case 0: return .void
        case 1: return returns[0]
        default: return .tuple(returns)
        }
    }

    /// The function a call of `name` with `count` arguments calls: itself, or the one of its
    /// overloads taking that many (reported when none or several do).
    func resolveOverload(_ name: String, arguments: [Expr], at range: SourceRange) -> String? {
        guard let keys = current.overloads[name] else { return current.functions[name] != nil ? name : nil }
        let count = arguments.count
        var matching = keys.filter { current.functions[$0]?.parameterTypes.count == count }
        if matching.count > 1 {
            // As solc: the overloads to whose parameters every argument converts implicitly.
            let types = arguments.map { typeOf($0) }
            matching = matching.filter { key in
                guard let parameters = current.functions[key]?.parameterTypes else { return false }
                return zip(parameters, zip(arguments, types)).allSatisfy { p, a in converts(a.0, a.1, to: p) }
            }
            if matching.count > 1 { matching = narrowedByValueTypes(matching, arguments: arguments) }
        }
        if matching.count == 1 { return matching[0] }
        bag.add(
            SemaDiagnostics.notSupported(
                matching.isEmpty
                    ? "a call of the overloaded '\(name)' with \(count) arguments (no overload takes that many)"
                    : "choosing among overloads of '\(name)' by argument type (they all take \(count))", range))
        return nil
    }

    /// The checks and effects of an internal call of `f` (also one bound by `using`, whose
    /// receiver is its first parameter and not among `arguments`).
    private func internalCall(
        _ e: Expr, _ f: String, _ info: FunctionInfo, parameterTypes: [SolType], arguments: [Expr],
        at calleeRange: SourceRange
    ) -> SolType {
        if info.visibility == .external {
            bag.error(
                "sema.external-called-internally",
                "external function '\(f)' cannot be called internally; make it public", at: calleeRange)
        }
        if context.mode.isProperty, !info.isView {
            bag.error(
                "sema.property-calls-non-view", "properties can only call view or pure functions ('\(f)' is not)",
                at: calleeRange)
        }
        runsCode(e, f, info, parameterTypes: parameterTypes, arguments: arguments, at: calleeRange)
        let parameters = info.decl.parameters.suffix(parameterTypes.count)
        for (p, a) in zip(parameters, arguments) where p.location == .storage && !isStateLocation(a) {
            bag.add(SemaDiagnostics.notSupported("a 'storage' argument that is not a location in state", a.range))
        }
        return info.returnType ?? .void
    }

    /// `this.f(args)`: the contract's own public or external function, called externally
    /// (`CallTarget.selfCall`).
    private func selfCall(_ e: Expr, name: Identifier, arguments: [Expr]) -> SolType {
        if context.mode.isProperty {
            bag.add(SemaDiagnostics.notSupported("'this.\(name.name)(...)' in a property", e.range))
        }
        guard let f = resolveOverload(name.name, arguments: arguments, at: name.range),
            let info = current.functions[f], info.kind == .function
        else {
            bag.error("sema.unknown-member", "the contract has no function '\(name.name)'", at: name.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        guard info.isEntryPoint else {
            bag.error(
                "sema.this-call",
                "'\(name.name)' is \(info.visibility.rawValue): only public and external functions can be called through 'this'",
                at: name.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        calls[e.id] = .selfCall(f)
        runsCode(e, f, info, parameterTypes: info.parameterTypes, arguments: arguments, at: name.range)
        return info.returnType ?? .void
    }

    /// A call `e` that runs the contract's function `f` (inlined): what it may read and write,
    /// its edge in the call graph, its arguments.
    private func runsCode(
        _ e: Expr, _ f: String, _ info: FunctionInfo, parameterTypes: [SolType], arguments: [Expr],
        at calleeRange: SourceRange
    ) {
        if !info.isView { context.writesState = true }
        if info.mutability != .pure { context.readsState = true }
        recordInternalCall(f, at: calleeRange)
        checkArguments(f, parameterTypes, arguments, at: e.range)
    }

    /// `x.f(args)` for a function `using` binds to the type of `x`, if there is one.
    private func boundCall(_ e: Expr, base: Expr, baseType: SolType, name: Identifier, arguments: [Expr]) -> SolType? {
        for (directive, bound) in boundNames(name.name, in: current.usings) {
            if let target = directive.target {
                guard let t = resolveType(target, in: current.name), t.accepts(baseType) else { continue }
            }
            // The overloads the receiver and the arguments fit, as solc chooses.
            var fitting = (current.overloads[bound] ?? [bound]).filter { key in
                guard let types = current.functions[key]?.parameterTypes, types.count == arguments.count + 1,
                    let first = types.first
                else { return false }
                return first.accepts(baseType)
            }
            if fitting.count > 1 {
                let argumentTypes = arguments.map { typeOf($0) }
                fitting = fitting.filter { key in
                    let parameters = current.functions[key]?.parameterTypes.dropFirst() ?? []
                    return zip(parameters, zip(arguments, argumentTypes)).allSatisfy { converts($1.0, $1.1, to: $0) }
                }
                if fitting.count > 1 { fitting = narrowedByValueTypes(fitting, arguments: [base] + arguments) }
            }
            guard let function = fitting.first, let info = current.functions[function] else { continue }
            if fitting.count > 1 {
                // Overloads over user-defined value types of one underlying type that the
                // arguments' written types do not tell apart.
                bag.add(
                    SemaDiagnostics.notSupported(
                        "choosing among overloads of '\(name.name)' by argument type (they all take \(arguments.count + 1))",
                        name.range))
            }
            if info.decl.parameters.first?.location == .storage, !isStateLocation(base) {
                bag.add(
                    SemaDiagnostics.notSupported("a 'storage' receiver that is not a location in state", base.range))
            }
            if let source = slotSource(info.decl) { return slotCall(e, info, source, arguments: [base] + arguments) }
            calls[e.id] = .boundFunction(function)
            return internalCall(
                e, function, info, parameterTypes: Array(info.parameterTypes.dropFirst()), arguments: arguments,
                at: name.range)
        }
        return nil
    }

    /// `require(c, E(args))` (Solidity 0.8.26): checks `E(args)` against the error `E` (or
    /// `L.E`) and returns true; false when `reason` is not a call of an error. Like a message, the
    /// error only shapes the revert data, which no property reads.
    private func requireError(_ reason: Expr) -> Bool {
        guard case .call(let callee, let args) = reason.kind, let name = writtenName(callee),
            let decl = declaration(name, seenBy: currentContract == nil ? nil : current.name, in: errorDecls)
        else { return false }
        checkDeclaredArguments(name.name, decl.parameters, args, at: reason.range)
        types[reason.id] = .void
        return true
    }

    private func builtinCall(_ e: Expr, _ name: String, arguments: [Expr]) -> SolType {
        switch name {
        case "payable":
            return conversion(e, to: .address(payable: true), arguments: arguments)
        case "require":
            calls[e.id] = .require
            guard arguments.count == 1 || arguments.count == 2 else {
                bag.add(SemaDiagnostics.argumentCount("require", expected: 2, got: arguments.count, e.range))
                return .void
            }
            expect(arguments[0], .bool, what: "condition")
            if arguments.count == 2, !requireError(arguments[1]) { expect(arguments[1], .string, what: "message") }
            switch context.mode {
            case .code, .modifier, .rule: break
            default:
                bag.error("sema.require-in-property", "'require' cannot be used in a property expression", at: e.range)
            }
            return .void
        case "assert":
            calls[e.id] = .assert
            guard arguments.count == 1 else {
                bag.add(SemaDiagnostics.argumentCount("assert", expected: 1, got: arguments.count, e.range))
                return .void
            }
            expect(arguments[0], .bool, what: "condition")
            switch context.mode {
            case .code, .modifier:
                current.asserts.append(
                    AssertInfo(name: propertyName("assert", at: e.range), call: e.id, range: e.range))
            case .rule:
                context.ruleHasAssert = true
                if context.ruleFirstAssert == nil { context.ruleFirstAssert = e.range }
            default:
                bag.error("sema.assert-in-property", "'assert' cannot be used in a property expression", at: e.range)
            }
            return .void
        case "revert":
            calls[e.id] = .revert
            if case .rule = context.mode { bag.add(SemaDiagnostics.notSupported("'revert' in a rule", e.range)) }
            if arguments.count > 1 {
                bag.add(SemaDiagnostics.argumentCount("revert", expected: 1, got: arguments.count, e.range))
            }
            for a in arguments { expect(a, .string, what: "message") }
            return .void
        case "assume", "satisfy":
            calls[e.id] = name == "assume" ? .assume : .satisfy
            guard case .rule = context.mode else {
                bag.add(SemaDiagnostics.ruleOnly(name, e.range))
                return .void
            }
            guard arguments.count == 1 else {
                bag.add(SemaDiagnostics.argumentCount(name, expected: 1, got: arguments.count, e.range))
                return .void
            }
            expect(arguments[0], .bool, what: "condition")
            if name == "satisfy" {
                context.ruleHasSatisfy = true
                if context.ruleFirstSatisfy == nil { context.ruleFirstSatisfy = e.range }
            }
            return .void
        case "old":
            calls[e.id] = .old
            guard case .ensures = context.mode else {
                bag.add(SemaDiagnostics.propertyOnly("old", "in 'ensures'", e.range))
                return .void
            }
            guard arguments.count == 1 else {
                bag.add(SemaDiagnostics.argumentCount("old", expected: 1, got: arguments.count, e.range))
                return .void
            }
            let t = typeOf(arguments[0])
            if case .literal(let v) = t {
                _ = convertLiteral(arguments[0], v, to: defaultLiteralType(v), what: "argument")
                return defaultLiteralType(v)
            }
            return t
        case "sum":
            calls[e.id] = .sum
            guard context.mode.isProperty else {
                bag.add(SemaDiagnostics.propertyOnly("sum", "in properties", e.range))
                return .void
            }
            guard arguments.count == 1 else {
                bag.add(SemaDiagnostics.argumentCount("sum", expected: 1, got: arguments.count, e.range))
                return .void
            }
            let t = typeOf(arguments[0])
            // `sum(arr)` of a dynamic array of integers that is a state variable or a field of a
            // struct in state.
            if let array = arrayInfo(t), array.size == nil, array.element.isInteger, isStructFieldPath(arguments[0]) {
                return array.element.isSigned ? .int(256) : .uint(256)
            }
            guard case .mapping = t, t.mappingLeaf.isInteger,
                isStatePath(arguments[0]) || isStructFieldPath(arguments[0])
            else {
                let summable = arrayInfo(t).map { $0.size == nil && $0.element.isInteger } ?? t.mappingLeaf.isInteger
                if summable, case .mapping = t {
                    bag.add(
                        SemaDiagnostics.notSupported(
                            "'sum' of a mapping inside an entry of a mapping or an array", arguments[0].range))
                } else if summable, arrayInfo(t) != nil {
                    bag.add(
                        SemaDiagnostics.notSupported(
                            "'sum' of an array that is not a state variable or a field of a struct in state",
                            arguments[0].range))
                } else if t != .void {
                    bag.add(
                        SemaDiagnostics.typeMismatch(
                            "'sum' needs a mapping whose values are integers or a dynamic array of integers, "
                                + "that is a state variable or a field of a struct in state, not '\(t)'",
                            arguments[0].range))
                }
                return .void
            }
            return t.mappingLeaf.isSigned ? .int(256) : .uint(256)
        default:
            return .void
        }
    }

    /// True when `e` names a state variable or a field of a struct in one, through fields only
    /// (`pool`, `pool.shares`, `config.limits.daily`).
    func isStructFieldPath(_ e: Expr) -> Bool {
        switch e.kind {
        case .identifier:
            if case .stateVariable? = references[e.id] { return true }
            return false
        case .member(let base, _):
            if case .structField? = references[e.id] { return isStructFieldPath(base) }
            return false
        case .parenthesized(let inner): return isStructFieldPath(inner)
        default: return false
        }
    }

    /// True when `e` names a state variable or an index into one (`m`, `m[k]`).
    func isStatePath(_ e: Expr) -> Bool {
        switch e.kind {
        case .identifier:
            if case .stateVariable? = references[e.id] { return true }
            return false
        case .index(let base, _): return isStatePath(base)
        case .parenthesized(let inner): return isStatePath(inner)
        default: return false
        }
    }

    // MARK: Conversions

    private func conversion(_ e: Expr, to target: SolType, arguments: [Expr]) -> SolType {
        calls[e.id] = .conversion(target)
        guard arguments.count == 1 else {
            bag.add(SemaDiagnostics.argumentCount("\(target)", expected: 1, got: arguments.count, e.range))
            for a in arguments { typeOf(a) }
            return .void
        }
        let a = arguments[0]
        let source = typeOf(a)
        if source == .void { return target }
        if case .literal(let v) = source {
            guard let i = v.integer else {
                bag.add(SemaDiagnostics.typeMismatch("literal \(v) is not an integer", a.range))
                return target
            }
            switch target {
            case .uint, .int, .enumType:
                if !target.contains(i) {
                    bag.add(SemaDiagnostics.literalDoesNotFit(i.description, target, a.range))
                    return target
                }
            case .address, .interface:
                if !SolType.address(payable: false).contains(i) {
                    bag.add(SemaDiagnostics.literalDoesNotFit(i.description, target, a.range))
                    return target
                }
            case .fixedBytes:
                // `bytes4(0x12345678)`: as solc, a hex literal of the size (or 0).
                guard convertLiteral(a, v, to: target, what: "the converted value") else { return target }
                constants[e.id] = i
                return target
            default:
                bag.add(SemaDiagnostics.typeMismatch("cannot convert a number to '\(target)'", e.range))
                return target
            }
            types[a.id] = target.isInteger ? target : .uint(160)
            constants[a.id] = i
            constants[e.id] = i
            return target
        }
        if source == .string, case .string = a.kind, target.isFixedBytes {
            // `bytes4("MINT")`: a string literal's bytes, as in an implicit conversion.
            if coerce(a, from: source, to: target, what: "the converted value") { constants[e.id] = constants[a.id] }
            return target
        }
        if source == .bytes, case .fixedBytes = target {
            // `bytes32(b)`: the first bytes of `b`, zero-padded; its contents are modelled.
            _ = contentsInfo(source)
            return target
        }
        if allowsExplicitConversion(from: source, to: target) {
            if case .enumType = target, source != target { recordBuiltInCheck(.enumOutOfRange, at: e, located: a) }
            // `IERC20(address(1))`: an address constant seen through another address type is still constant.
            if source.isAddressLike, target.isAddressLike, let c = constants[a.id] { constants[e.id] = c }
            // `uint8(type(E).max)`, `uint256(K)`: a constant converted to an integer type it fits;
            // `uint256(keccak256("x"))`: a `bytesN` constant is the same number as a `uintN`.
            let sameNumber = !source.isFixedBytes || (source.maxValue == target.maxValue && target.isInteger)
            if target.isInteger || target.isFixedBytes, sameNumber, let c = constants[a.id], target.contains(c) {
                constants[e.id] = c
            }
            return target
        }
        bag.add(SemaDiagnostics.typeMismatch("cannot convert '\(source)' to '\(target)'", e.range))
        return target
    }

    private func allowsExplicitConversion(from s: SolType, to t: SolType) -> Bool {
        if s == t { return true }
        switch (s, t) {
        case (.uint, .uint), (.int, .int), (.uint, .int), (.int, .uint): return true
        case (.enumType, .uint), (.uint, .enumType): return true
        case (.address, .address), (.interface, .address), (.address, .interface), (.interface, .interface): return true
        case (.address, .uint(160)), (.uint(160), .address): return true
        case (.string, .bytes), (.bytes, .string): return true
        case (.fixedBytes, .fixedBytes): return true
        case (.fixedBytes(let n), .uint(let b)), (.uint(let b), .fixedBytes(let n)): return b == 8 * n
        case (.fixedBytes(20), .address), (.address, .fixedBytes(20)): return true
        default: return false
        }
    }

    // MARK: Member callees

    private func memberCall(
        _ e: Expr, base: Expr, name: Identifier, arguments: [Expr], options: [(name: Identifier, value: Expr)]
    ) -> SolType {
        if case .identifier(let b) = base.kind, b == "abi", lookupLocal("abi") == nil {
            guard let builtin = AbstractedBuiltin(rawValue: "abi.\(name.name)") else {
                bag.add(SemaDiagnostics.notSupported("'abi.\(name.name)'", e.range))
                return .void
            }
            return abstractedCall(e, builtin, arguments: arguments)
        }
        if case .elementaryType(let t) = base.kind, t == .bytes || t == .string, name.name == "concat" {
            return abstractedCall(e, t == .bytes ? .bytesConcat : .stringConcat, arguments: arguments)
        }
        if case .elementaryType(let t) = base.kind {
            bag.add(SemaDiagnostics.notSupported("'\(t).\(name.name)'", e.range))
            for a in arguments { typeOf(a) }
            return .void
        }
        var receiver = base
        while case .parenthesized(let inner) = receiver.kind { receiver = inner }
        if case .identifier("this") = receiver.kind, lookupLocal("this") == nil {
            typeOf(base)
            return selfCall(e, name: name, arguments: arguments)
        }
        let bt = typeOf(base)
        let native: Bool =
            switch bt {
            case .address: ["call", "transfer", "send", "delegatecall", "staticcall"].contains(name.name)
            case .interface(let i): interfaces[i]?.function(name.name, arguments: arguments.count) != nil
            default: false
            }
        if !native, let t = boundCall(e, base: base, baseType: bt, name: name, arguments: arguments) { return t }
        if bt == .bytes || arrayInfo(bt) != nil, let array = contentsInfo(bt) {
            return arrayCall(e, base: base, array: array, name: name, arguments: arguments)
        }
        if bt == .string || bt == .bytes || bt.isFixedBytes {
            bag.add(SemaDiagnostics.notSupported("'.\(name.name)(...)' of a '\(bt)' value", name.range))
            for a in arguments { typeOf(a) }
            return .void
        }
        switch bt {
        case .address(let payable):
            switch name.name {
            case "call":
                calls[e.id] = .lowLevelCall
                checkCallOptions(options, sendsEther: true)
                // Whatever the data, the callee is code outside the run (docs/LANGUAGE-REFERENCE.md,
                // "Meaning and the attacker").
                checkArguments("call", [.bytes], arguments, at: e.range)
                noteHandover(e)
                return .callResult
            case "transfer", "send":
                calls[e.id] = name.name == "transfer" ? .transfer : .send
                if !payable {
                    bag.add(
                        SemaDiagnostics.typeMismatch(
                            "'\(name.name)' needs an 'address payable'; convert with payable(...)", base.range))
                }
                checkArguments(name.name, [.uint(256)], arguments, at: e.range)
                context.writesState = true
                if context.mode.isProperty {
                    bag.error("sema.property-writes-state", "properties and rules cannot send ether", at: e.range)
                }
                return name.name == "transfer" ? .void : .bool
            case "staticcall":
                // Any success and any returned bytes; the callee cannot change this contract.
                calls[e.id] = .staticCall
                checkArguments("staticcall", [.bytes], arguments, at: e.range)
                context.readsState = true
                return .callResult
            case "delegatecall":
                calls[e.id] = .delegateCall
                checkArguments("delegatecall", [.bytes], arguments, at: e.range)
                context.writesState = true
                if context.mode.isProperty {
                    bag.error("sema.property-writes-state", "properties and rules cannot delegate calls", at: e.range)
                } else if currentContract != nil {
                    current.abstractions.append(Abstraction(kind: .delegateCall, range: e.range))
                }
                return .callResult
            default:
                bag.error("sema.unknown-member", "'\(bt)' has no function '\(name.name)'", at: name.range)
                return .void
            }
        case .interface(let i):
            guard let f = interfaces[i]?.function(name.name, arguments: arguments.count) else {
                bag.error("sema.unknown-member", "interface '\(i)' has no function '\(name.name)'", at: name.range)
                for a in arguments { typeOf(a) }
                return .void
            }
            calls[e.id] = .interfaceFunction(interface: i, function: f.name, isView: f.isView)
            if !options.isEmpty {
                if options.contains(where: { $0.name.name == "value" }) && !f.isPayable {
                    bag.error(
                        "sema.call-value", "'\(name.name)' is not payable: a call of it cannot send ether",
                        at: name.range)
                }
                checkCallOptions(options, sendsEther: f.isPayable)
            }
            context.readsState = true
            checkArguments(f.name, f.parameterTypes, arguments, at: e.range)
            if !f.isView { noteHandover(e) }
            return f.returnType ?? .void
        case .void:
            for a in arguments { typeOf(a) }
            return .void
        default:
            bag.error("sema.unknown-member", "'\(bt)' has no function '\(name.name)'", at: name.range)
            return .void
        }
    }

    /// The options of an external call: `value` (ether sent along), `gas` (a limit, which changes
    /// nothing Vigil decides: the environment can make any call fail); others "not supported yet".
    private func checkCallOptions(_ options: [(name: Identifier, value: Expr)], sendsEther: Bool) {
        for option in options {
            switch option.name.name {
            case "value" where sendsEther, "gas":
                expect(option.value, .uint(256), what: option.name.name)
            case "value":
                typeOf(option.value)
            default:
                bag.add(SemaDiagnostics.notSupported("the call option '\(option.name.name)'", option.name.range))
            }
        }
    }

    /// Whether `e` is a value of a contract or interface type (checked on the way).
    private func isInterfaceValue(_ e: Expr) -> Bool {
        if case .interface = typeOf(e) { return true }
        return false
    }

    /// `a.push()`, `a.push(x)`, `a.pop()` on a dynamic array in storage.
    private func arrayCall(_ e: Expr, base: Expr, array: ArrayInfo, name: Identifier, arguments: [Expr]) -> SolType {
        guard array.size == nil, name.name == "push" || name.name == "pop" else {
            bag.error(
                "sema.unknown-member",
                array.size == nil
                    ? "an array has no function '\(name.name)'" : "a fixed-size array has no '\(name.name)'",
                at: name.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        guard isInStorage(base) else {
            bag.error(
                "sema.unknown-member",
                "'\(name.name)' is only available on arrays in storage, not in memory or calldata",
                at: name.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        noteStateWrite(base)
        if name.name == "pop" {
            checkArguments("pop", [], arguments, at: e.range)
            calls[e.id] = .arrayPop
            recordBuiltInCheck(.emptyArrayPop, at: e, located: e)
            return .void
        }
        guard arguments.count <= 1 else {
            bag.add(SemaDiagnostics.argumentCount("push", expected: 1, got: arguments.count, e.range))
            return .void
        }
        if let a = arguments.first { expect(a, array.element, what: "the pushed value") }
        calls[e.id] = .arrayPush
        return .void
    }

    private func noteHandover(_ e: Expr) {
        context.handsOverControl = true
        if context.mode.isProperty {
            bag.error("sema.property-writes-state", "properties and rules cannot call external code", at: e.range)
        }
    }
}
