import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax

extension SymbolicExecutor {
    /// Evaluates a call expression; `value` is the `{value: v}` option of a low-level call.
    func evalCall(_ e: Expr, callee: Expr, arguments: [Expr], value: Term?) -> SymbolicValue {
        switch model.calls[e.id] {
        case .require?:
            let cond = eval(arguments[0]).scalarTerm
            revert(when: Term.not(cond))
            return .scalar(.true)
        case .assert?:
            let cond = eval(arguments[0]).scalarTerm
            if let info = contract.asserts.first(where: { $0.call == e.id }) {
                judgeCodeCheck(info.name, failsWhen: Term.not(cond))
            }
            revert(when: Term.not(cond))
            return .scalar(.true)
        case .revert?:
            for a in arguments { _ = eval(a) }
            revert(when: .true)
            return .scalar(.true)
        case .internalFunction(let name)?:
            guard let f = contract.functions[name] else { return .scalar(.int(0)) }
            return callInternal(f, bindings(f, arguments)) ?? .scalar(.int(0))
        case .selfCall(let name)?:
            guard let f = contract.functions[name] else { return .scalar(.int(0)) }
            // The arguments are copies (ABI-encoded); the callee sees this contract as its sender.
            let values = arguments.map { LocalBinding.value(eval($0)) }
            let caller = environment
            environment.sender = thisAddress
            environment.value = .int(0)
            environment.selector = model.selectors[f.decl.id].map { Term.int($0) } ?? .int(0)
            let returned = runCall { callInternal(f, values) }
            environment = caller
            return returned ?? .scalar(.int(0))
        case .boundFunction(let name)?:
            guard case .member(let receiver, _) = callee.kind, let f = contract.functions[name] else {
                return .scalar(.int(0))
            }
            return callInternal(f, bindings(f, [receiver] + arguments)) ?? .scalar(.int(0))
        case .arrayPush?, .arrayPop?:
            guard case .member(let base, _) = callee.kind, let array = model.array(type(of: base)),
                let (root, path) = lvalue(base)
            else { return .scalar(.int(0)) }
            let pushed = arguments.first.map { eval($0) } ?? layout.zero(array.element)
            let length = read(root, path + [.field(0)]).scalarTerm
            if model.calls[e.id] == .arrayPush {
                write(root, path + [.field(1), .index(length)], pushed)
                write(root, path + [.field(0)], .scalar(Term.add(length, .int(1))))
            } else {
                // `pop()` of an empty array: Solidity's panic.
                let empty = Term.eq(length, .int(0))
                if !inProperty, let check = builtInChecks[e.id] { judgeCodeCheck(check.name, failsWhen: empty) }
                revert(when: empty)
                let last = Term.sub(length, .int(1))
                write(root, path + [.field(1), .index(last)], layout.zero(array.element))
                write(root, path + [.field(0)], .scalar(last))
            }
            return .scalar(.true)
        case .structConstructor?:
            return .record(arguments.map { eval($0) })
        case .gasLeft?:
            return .scalar(freshValue("gasleft", .uint(256)))
        case .abstracted(let builtin)?:
            return abstractedBuiltin(e, builtin, arguments: arguments)
        case .functionValue?:
            return callFunctionValue(eval(callee).scalarTerm, arguments.map { eval($0) }, type: type(of: callee))
        case .modularArithmetic(let multiply)?:
            let a = eval(arguments[0]).scalarTerm
            let b = eval(arguments[1]).scalarTerm
            let n = eval(arguments[2]).scalarTerm
            let zero = Term.eq(n, .int(0))
            if !inProperty, let check = builtInChecks[e.id] { judgeCodeCheck(check.name, failsWhen: zero) }
            revert(when: zero)
            return .scalar(Term.mod(multiply ? Term.mul(a, b) : Term.add(a, b), n))
        case .newArray?:
            // `n` zero elements; `bytes` and `string` are opaque values.
            let n = eval(arguments[0])
            let t = type(of: e)
            guard model.array(t) != nil, case .record(var fields) = layout.zero(t) else { return layout.zero(t) }
            fields[0] = n
            return .record(fields)
        case .conversion(let target)? where [.bytes, .string].contains(type(of: arguments[0])):
            // `bytes(s)`, `string(b)` keep the value; `bytes32(b)` reads its first bytes.
            let v = eval(arguments[0])
            guard case .fixedBytes(let n) = target else { return v }
            return .scalar(leadingBytes(v, n))
        case .conversion(let target)?:
            let v = eval(arguments[0]).scalarTerm
            if !inProperty, case .enumType = target, let check = builtInChecks[e.id] {
                judgeCodeCheck(check.name, failsWhen: Term.gt(v, .int(target.maxValue)))
            }
            return .scalar(convert(v, from: type(of: arguments[0]), to: target))
        case .old?:
            return evalOld(arguments[0])
        case .sum?:
            return .scalar(evalSum(arguments[0]))
        case .lowLevelCall?:
            guard case .member(let base, _) = callee.kind else { return .scalar(.false) }
            let target = eval(base).scalarTerm
            for a in arguments { _ = eval(a) }  // the callee sees the data; the environment decides what it does
            return encodeLowLevelCall(target: target, value: value ?? .int(0), site: e.range)
        case .delegateCall?:
            guard case .member(let base, _) = callee.kind else { return .scalar(.false) }
            let target = eval(base).scalarTerm
            for a in arguments { _ = eval(a) }
            return encodeDelegateCall(e, target: target)
        case .staticCall?:
            if case .member(let base, _) = callee.kind { _ = eval(base) }
            for a in arguments { _ = eval(a) }
            let ok = fresh("staticcall.ok", .bool)
            record?.sites.append(.viewCall(guardTerm: pc, value: .value(ok)))
            return .record([.scalar(ok), anyBytes("staticcall.data")])
        case .transfer?, .send?:
            guard case .member(let base, _) = callee.kind else { return .scalar(.false) }
            _ = eval(base)
            let amount = eval(arguments[0]).scalarTerm
            return .scalar(encodeEtherSend(amount: amount, isTransfer: model.calls[e.id] == .transfer))
        case .interfaceFunction(let interface, let function, let isView)?:
            guard case .member(let base, _) = callee.kind else { return .scalar(.int(0)) }
            _ = eval(base)
            for a in arguments { _ = eval(a) }
            let returnType = model.interfaces[interface]?.functions[function]?.returnType
            if isView { return readViewCall(returnType, caught: tryCall == e.id) }
            return encodeInterfaceCall(
                returnType: returnType, value: value ?? .int(0), caught: tryCall == e.id, site: e.range)
        case .creation?:
            for a in arguments { _ = eval(a) }
            return .scalar(encodeCreation(value: value ?? .int(0), caught: tryCall == e.id, site: e.range))
        case .assume?, .satisfy?, nil:
            return .scalar(.true)
        }
    }

    /// Converts a value explicitly: integers wrap, enums must be in range, addresses keep the value.
    func convert(_ v: Term, from source: SolType, to target: SolType) -> Term {
        switch target {
        case .uint, .int:
            if inProperty
                || (source.isInteger && source.minValue >= target.minValue && source.maxValue <= target.maxValue)
                || (!source.isInteger && target.contains(source.maxValue))
            {
                return v
            }
            return wrap(v, target)
        case .enumType:
            revert(when: Term.gt(v, .int(target.maxValue)))
            return v
        case .fixedBytes(let n):
            // Between sizes the bytes keep their places: a wider value gains zero bytes on the right.
            guard case .fixedBytes(let m) = source, m != n else { return v }
            return n > m
                ? Term.mul(v, .int(BigInt(1) << (8 * (n - m)))) : Term.div(v, .int(BigInt(1) << (8 * (m - n))))
        default:
            return v
        }
    }

    private func evalOld(_ e: Expr) -> SymbolicValue {
        guard let old = oldState else { return eval(e) }
        let savedState = state
        let savedLocals = locals
        state = old
        locals = oldLocals
        let v = eval(e)
        state = savedState
        locals = savedLocals
        return v
    }

    private func evalSum(_ e: Expr) -> Term {
        var inner = e
        while case .parenthesized(let x) = inner.kind { inner = x }
        switch inner.kind {
        case .identifier, .member:
            // A state variable, or a field of a struct in state (`pool.shares`).
            guard case (.state(let i), let path)? = lvalue(inner) else { break }
            let fields = path.compactMap { a -> Int? in if case .field(let f) = a { f } else { nil } }
            guard fields.count == path.count else { break }
            if let s = state.sums[SumKey(variable: i, fields: fields)] { return s }
        case .index(let base, let key):
            if case .stateVariable(let i)? = model.references[base.id], let rows = state.rowSums[i] {
                return Term.select(rows, mappingKey(key, in: type(of: base)))
            }
        default:
            break
        }
        return .int(0)
    }

    // MARK: - Internal calls and modifiers

    /// Inlines an internal call: a new local scope, no revert boundary. The callee is code even
    /// when a property calls it: checked arithmetic that reverts, as the interpreter runs it.
    /// The parameters of an internal call, bound to its arguments, in order: a `storage`
    /// parameter aliases its argument's location in state, the others take its value.
    func bindings(_ f: FunctionInfo, _ arguments: [Expr]) -> [LocalBinding] {
        zip(f.decl.parameters, arguments).map { p, a in
            if model.storageLocals.contains(p.id), let (root, path) = lvalue(a), case .state(let i) = root {
                return .storage(variable: i, path: path)
            }
            return .value(eval(a))
        }
    }

    /// A call through a function value: each function the value may name runs on the paths
    /// where it does; a value naming none (0, never assigned) reverts, Solidity's panic.
    func callFunctionValue(_ value: Term, _ args: [SymbolicValue], type: SolType) -> SymbolicValue {
        guard case .function(let parameters, let returns) = type else { return .scalar(.true) }
        let candidates = contract.functionValues.compactMap { contract.functions[$0] }.filter {
            $0.parameterTypes == parameters && $0.returnTypes == returns
        }
        let names = candidates.map { Term.eq(value, .int(BigInt(contract.functionValue(of: $0.name)))) }
        let entry = pc
        var exits: [Term] = []
        var result: SymbolicValue?
        for (f, named) in zip(candidates, names) {
            pc = Term.and(entry, named)
            let returned = callInternal(f, args.map { .value($0) }) ?? .scalar(.true)
            result = result.map { mergeValues(pc, returned, $0) } ?? returned
            exits.append(pc)
        }
        pc = entry
        revert(when: Term.not(Term.or([.false] + names)))
        pc = Term.and(pc, Term.or([.false] + exits))
        return result ?? .scalar(.true)
    }

    func callInternal(_ f: FunctionInfo, _ args: [LocalBinding]) -> SymbolicValue? {
        let savedLocals = locals
        let savedFailures = propertyFailures
        locals = [:]
        propertyFailures = nil
        for (p, a) in zip(f.decl.parameters, args) { locals[p.id] = a }
        let result = runFunctionBody(f)
        locals = savedLocals
        propertyFailures = savedFailures
        return result
    }

    /// Runs a function's modifiers and body in the current local scope; returns its return value.
    func runFunctionBody(_ f: FunctionInfo) -> SymbolicValue? {
        for r in f.decl.returns { locals[r.id] = .value(layout.zero(model.variableTypes[r.id] ?? .uint(256))) }
        runModifiers(f, from: 0)
        let values: [SymbolicValue] = f.decl.returns.compactMap { r in
            guard case .value(let v)? = locals[r.id] else { return nil }
            return v
        }
        // Several return values are one record, as a tuple expression is.
        return values.count > 1 ? .record(values) : values.first
    }

    private func runModifiers(_ f: FunctionInfo, from index: Int) {
        guard index < f.decl.modifiers.count else {
            guard let body = f.decl.body else { return }
            bodyExits.append(BodyExits())
            returnSlots.append(f.decl.returns.isEmpty ? [f.decl.id] : f.decl.returns.map(\.id))
            execute(body)
            let exits = bodyExits.removeLast()
            returnSlots.removeLast()
            pc = Term.or(exits.exits + [pc])
            return
        }
        let invocation = f.decl.modifiers[index]
        guard let m = contract.modifiers[invocation.name.name] else { return }
        let args = invocation.arguments.map { eval($0) }
        for (p, a) in zip(m.parameters, args) { locals[p.id] = .value(a) }
        placeholders.append {
            // Each invocation has its own parameters and locals: an inner invocation of the same
            // modifier must not leave its values to this one. The function's own parameters and
            // return values live on (one frame, as solc runs a `_;` that is reached twice).
            let outer = self.locals
            self.runModifiers(f, from: index + 1)
            let functions = Set((f.decl.parameters + f.decl.returns).map(\.id))
            for (id, binding) in outer where !functions.contains(id) { self.locals[id] = binding }
        }
        bodyExits.append(BodyExits())
        returnSlots.append([m.id])
        execute(m.body)
        let exits = bodyExits.removeLast()
        returnSlots.removeLast()
        placeholders.removeLast()
        pc = Term.or(exits.exits + [pc])
    }
}
