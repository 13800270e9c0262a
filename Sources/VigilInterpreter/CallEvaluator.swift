import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

// Call expressions: built-ins, internal calls with their modifiers, struct values, conversions,
// and the dispatch to external interactions.

/// An argument of an internal call: a value, or the location in state a `storage` parameter aliases.
enum Argument {
    case value(Value)
    case location(LValue)
}

extension Machine {
    func evaluateCall(
        _ e: Expr, callee: Expr, arguments: [Expr], options: [(name: Identifier, value: Expr)]
    ) throws(Interruption) -> Value {
        guard let callTarget = model.calls[e.id] else {
            throw .mismatch("internal: unresolved call '\(text(of: e.range))'")
        }
        switch callTarget {
        case .require:
            guard let condition = arguments.first else { throw .mismatch("internal: require without a condition") }
            if !(try evaluateBool(condition)) {
                var reason = "require failed at line \(line(of: e.range))"
                if arguments.count > 1, case .string(let message) = arguments[1].kind {
                    reason += ": " + String(decoding: message, as: UTF8.self)
                }
                throw .revert(reason)
            }
            return .none
        case .assert:
            try evaluateAssert(e, arguments)
            return .none
        case .revert:
            var reason = "revert at line \(line(of: e.range))"
            if let first = arguments.first, case .string(let message) = first.kind {
                reason += ": " + String(decoding: message, as: UTF8.self)
            }
            throw .revert(reason)
        case .internalFunction(let name):
            guard let function = contract.functions[name] else { throw .mismatch("no function named '\(name)'") }
            return try runFunction(function, arguments: try bindings(function, arguments))
        case .selfCall(let name):
            guard let function = contract.functions[name] else { throw .mismatch("no function named '\(name)'") }
            let values = try arguments.map { a throws(Interruption) in try evaluate(a) }
            return try asSelfCall(name) { () throws(Interruption) in try runFunction(function, arguments: values) }
        case .boundFunction(let name):
            guard let function = contract.functions[name] else { throw .mismatch("no function named '\(name)'") }
            return try runFunction(function, arguments: try bindings(function, [try receiver(of: callee)] + arguments))
        case .arrayPush, .arrayPop:
            guard case .member(let base, _) = callee.kind, let array = model.array(type(of: base)) else {
                throw .mismatch("internal: push or pop of no array")
            }
            let pushed =
                try arguments.first.map { a throws(Interruption) in try evaluate(a) } ?? zeros.zero(of: array.element)
            let location = try lvalue(base)
            var lengthAt = location
            lengthAt.steps.append(.field(0))
            let length = try read(lengthAt).number()
            var item = location
            item.steps.append(.field(1))
            if callTarget == .arrayPush {
                item.steps.append(.key(length, valueType: array.element))
                try write(item, pushed)
                try write(lengthAt, .int(length + 1))
            } else {
                if length == 0 {
                    if violation == nil, propertyDepth == 0, judgedAsserts.contains(e.id) {
                        violation = Violation(
                            line: line(of: e.range), parts: [NamedValue(name: "length", value: .int(0))])
                    }
                    throw .revert("pop of an empty array at line \(line(of: e.range))")
                }
                item.steps.append(.key(length - 1, valueType: array.element))
                try write(item, zeros.zero(of: array.element))
                try write(lengthAt, .int(length - 1))
            }
            return .none
        case .structConstructor:
            return .structure(try evaluateAll(arguments))
        case .gasLeft:
            throw .unconfirmable("'gasleft()' is any value to the engines, and the replay does not choose it")
        case .abstracted(let builtin):
            return try evaluateAbstracted(e, builtin, arguments: arguments)
        case .functionValue:
            let value = try evaluateNumber(callee)
            guard let function = contract.function(value: Int(clamping: value)) else {
                for a in arguments { _ = try evaluate(a) }
                throw .revert(
                    "call of a function value that names no function (panic 0x51) at line \(line(of: e.range))")
            }
            return try runFunction(function, arguments: try evaluateAll(arguments))
        case .modularArithmetic(let multiply):
            guard arguments.count == 3 else { throw .mismatch("internal: modular arithmetic takes 3 values") }
            let a = try evaluateNumber(arguments[0])
            let b = try evaluateNumber(arguments[1])
            let n = try evaluateNumber(arguments[2])
            if n == 0 {
                judgeModulusCheck(e, modulus: arguments[2])
                throw .revert("modulo by zero at line \(line(of: e.range))")
            }
            return .int((multiply ? a * b : a + b) % n)
        case .newArray:
            // `n` zero elements; `bytes` and `string` have no value.
            guard let n = arguments.first else { throw .mismatch("internal: 'new' without a length") }
            let length = try evaluate(n)
            guard model.array(type(of: e)) != nil else { return .none }
            return .structure([length, .mapping([:])])
        case .conversion(let t):
            guard let argument = arguments.first else { throw .mismatch("internal: conversion without a value") }
            return try convert(try evaluate(argument), to: t, at: e)
        case .interfaceFunction(let interface, let function, let isView):
            var amount: BigInt = 0
            if let option = options.first(where: { $0.name.name == "value" }) {
                amount = try evaluateNumber(option.value)
            }
            let target = try evaluateNumber(try receiver(of: callee))
            _ = try evaluateAll(arguments)  // the callee sees them; the environment decides what it does
            return try interfaceCall(
                e, interface: interface, function: function, isView: isView, target: target, amount: amount)
        case .creation(let contract):
            var amount: BigInt = 0
            if let option = options.first(where: { $0.name.name == "value" }) {
                amount = try evaluateNumber(option.value)
            }
            _ = try evaluateAll(arguments)  // the constructor sees them; the environment decides what it does
            return try creation(e, contract: contract, amount: amount)
        case .lowLevelCall:
            let target = try evaluateNumber(try receiver(of: callee))
            var amount: BigInt = 0
            if let option = options.first(where: { $0.name.name == "value" }) {
                amount = try evaluateNumber(option.value)
            }
            _ = try evaluateAll(arguments)  // the callee sees the data; the environment decides what it does
            return try lowLevelCall(e, target: target, amount: amount)
        case .delegateCall:
            let target = try evaluateNumber(try receiver(of: callee))
            _ = try evaluateAll(arguments)  // what the data runs is the schedule's
            guard target == thisAddress, delegationDepth == 0 else {
                throw .unconfirmable(
                    "the delegatecall at \(model.sources.briefly(e.range)) is abstracted, and the interpreter does not run it"
                )
            }
            return try selfDelegateCall(e)
        case .staticCall:
            let target = try evaluateNumber(try receiver(of: callee))
            _ = try evaluateAll(arguments)
            return .structure([.bool(try staticCall(e, target: target)), Value.none])
        case .transfer, .send:
            let target = try evaluateNumber(try receiver(of: callee))
            guard let argument = arguments.first else { throw .mismatch("internal: transfer without a value") }
            let amount = try evaluateNumber(argument)
            let isTransfer = callTarget == .transfer
            let sent = try sendEther(e, isTransfer: isTransfer, to: target, amount: amount)
            return isTransfer ? .none : .bool(sent)
        case .old:
            guard let argument = arguments.first else { throw .mismatch("internal: old without a value") }
            return try evaluateOld(argument)
        case .sum:
            guard let argument = arguments.first else { throw .mismatch("internal: sum without a mapping") }
            let summed = try evaluate(argument)
            // An array's elements below its length.
            if model.array(type(of: argument)) != nil, case .structure(let parts) = summed, parts.count == 2,
                case .mapping(let items) = parts[1]
            {
                let length = try parts[0].number()
                return .int(items.filter { $0.key < length }.values.reduce(BigInt(0)) { $0 + $1.leafSum })
            }
            return .int(summed.leafSum)
        case .assume, .satisfy:
            throw .mismatch("rules are replayed elsewhere")
        }
    }

    func evaluateAll(_ expressions: [Expr]) throws(Interruption) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(expressions.count)
        for e in expressions { values.append(try evaluate(e)) }
        return values
    }

    /// The receiver `r` of a member call `r.f(...)`.
    private func receiver(of callee: Expr) throws(Interruption) -> Expr {
        switch callee.kind {
        case .parenthesized(let inner): return try receiver(of: inner)
        case .member(let base, _): return base
        default: throw .mismatch("internal: a member call without a receiver")
        }
    }

    /// An explicit conversion: integers wrap, enums must be in range, addresses keep their value.
    private func convert(_ value: Value, to target: SolType, at e: Expr) throws(Interruption) -> Value {
        switch target {
        case .uint, .int:
            return .int(target.wrap(try value.number()))
        case .enumType(_, let count):
            let v = try value.number()
            if violation == nil, propertyDepth == 0, judgedAsserts.contains(e.id), v < 0 || v >= BigInt(count),
                case .call(_, let arguments) = e.kind, let argument = arguments.first
            {
                violation = Violation(
                    line: line(of: argument.range),
                    parts: [NamedValue(name: text(of: argument.range), value: .int(v))])
            }
            guard v >= 0, v < BigInt(count) else {
                throw .revert("enum conversion out of range at line \(line(of: e.range))")
            }
            return .int(v)
        case .address, .interface:
            return .int(try value.number())
        case .fixedBytes(let n) where type(of: argument(of: e)) == .bytes:
            // `bytes32(b)`: the first bytes of `b`, zeros past its end.
            if case .none = value { throw Value.environmentBytes }
            guard case .structure(let parts) = value, parts.count == 2, case .int(let length) = parts[0],
                case .mapping(let items) = parts[1]
            else { throw .mismatch("internal: bytes without contents") }
            var result = BigInt(0)
            for i in 0..<n {
                let byte = BigInt(i) < length ? try (items[BigInt(i)] ?? .int(0)).number() : 0
                result = result << 8 | byte
            }
            return .int(result)
        case .fixedBytes(let n):
            // Between sizes the bytes keep their places: a wider value gains zero bytes on the right.
            guard case .fixedBytes(let m) = type(of: argument(of: e)) else { return value }
            let v = try value.number()
            return .int(n >= m ? v << (8 * (n - m)) : v >> (8 * (m - n)))
        default:
            return value
        }
    }

    /// The argument of a conversion `T(x)`.
    private func argument(of e: Expr) -> Expr {
        if case .call(_, let arguments) = e.kind, let first = arguments.first { return first }
        return e
    }

    // MARK: - assert

    /// `assert(e)`: a failing assert reverts like `require`, and is a violation when it is the judged one.
    private func evaluateAssert(_ e: Expr, _ arguments: [Expr]) throws(Interruption) {
        guard let condition = arguments.first else { throw .mismatch("internal: assert without a condition") }
        let judged = violation == nil && propertyDepth == 0 && judgedAsserts.contains(e.id)
        let parts = judged ? propertyParts(of: condition) : []
        let savedIDs = recordedIDs
        let savedValues = recorded
        if judged {
            recordedIDs = Set(parts.map(\.id))
            recorded = [:]
        }
        let holds: Bool
        do {
            holds = try evaluateBool(condition)
        } catch {
            if judged {
                recordedIDs = savedIDs
                recorded = savedValues
            }
            throw error
        }
        let values = judged ? partValues(parts) : []
        if judged {
            recordedIDs = savedIDs
            recorded = savedValues
        }
        if !holds {
            if judged { violation = Violation(line: line(of: e.range), parts: values) }
            throw .revert("assertion failed at line \(line(of: e.range))")
        }
    }

    // MARK: - Internal calls

    /// Runs a function's modifiers and body in a new frame (no revert boundary) and returns its
    /// return variable's final value. Code called from a property runs as code.
    /// The arguments of an internal call, in order: a `storage` parameter gets its argument's
    /// location in state, the others its value.
    func bindings(_ function: FunctionInfo, _ arguments: [Expr]) throws(Interruption) -> [Argument] {
        var result: [Argument] = []
        for (p, a) in zip(function.decl.parameters, arguments) {
            result.append(model.storageLocals.contains(p.id) ? .location(try lvalue(a)) : .value(try evaluate(a)))
        }
        return result
    }

    /// Runs `body` as the call `this.f(...)` of the function named `name`: within the
    /// transaction's invocation (its schedule events go on), with this contract as
    /// `msg.sender`, no value and `f` as the function running (`msg.sig`).
    func asSelfCall(_ name: String, _ body: () throws(Interruption) -> Value) throws(Interruption) -> Value {
        guard let caller = invocations.last else { throw .mismatch("a call through 'this' outside a call") }
        invocations[invocations.count - 1].sender = thisAddress
        invocations[invocations.count - 1].value = 0
        invocations[invocations.count - 1].functionName = name
        defer {
            invocations[invocations.count - 1].sender = caller.sender
            invocations[invocations.count - 1].value = caller.value
            invocations[invocations.count - 1].functionName = caller.functionName
        }
        return try body()
    }

    func runFunction(_ function: FunctionInfo, arguments: [Value]) throws(Interruption) -> Value {
        try runFunction(function, arguments: arguments.map { Argument.value($0) })
    }

    func runFunction(_ function: FunctionInfo, arguments: [Argument]) throws(Interruption) -> Value {
        guard function.decl.body != nil else { throw .mismatch("'\(function.name)' has no body") }
        guard arguments.count == function.decl.parameters.count else {
            throw .mismatch("internal: '\(function.name)' called with \(arguments.count) arguments")
        }
        var frame = LocalFrame()
        for (p, a) in zip(function.decl.parameters, arguments) {
            switch a {
            case .value(let v): frame.values[p.id] = v
            case .location(let l): frame.storageReferences[p.id] = l
            }
        }
        for r in function.decl.returns {
            frame.values[r.id] = zeros.zero(of: model.variableTypes[r.id] ?? .void)
        }
        frame.returnSlots = function.decl.returns.map(\.id)
        let savedProperty = propertyContext
        propertyContext = nil
        let saved = pushFrame(frame)
        let functionFrame = activeFrame
        defer {
            popFrames(to: saved)
            propertyContext = savedProperty
        }
        try runModifierChain(ModifierChain(function: function.decl, index: 0, functionFrame: functionFrame))
        let values = function.decl.returns.map { r in
            frames[functionFrame].values[r.id] ?? zeros.zero(of: model.variableTypes[r.id] ?? .void)
        }
        return values.count > 1 ? .structure(values) : values.first ?? .none
    }

    /// Runs modifier `chain.index` of the function (its `_;` runs the rest), or the body after the last one.
    func runModifierChain(_ chain: ModifierChain) throws(Interruption) {
        let decl = chain.function
        guard chain.index < decl.modifiers.count else {
            activeFrame = chain.functionFrame
            guard let body = decl.body else { throw .mismatch("'\(decl.name.name)' has no body") }
            _ = try executeBlock(body)  // a `return` leaves the body only
            return
        }
        let use = decl.modifiers[chain.index]
        guard let modifier = contract.modifiers[use.name.name] else {
            throw .mismatch("no modifier named '\(use.name.name)'")
        }
        guard use.arguments.count == modifier.parameters.count else {
            throw .mismatch("internal: modifier '\(use.name.name)' with \(use.arguments.count) arguments")
        }
        activeFrame = chain.functionFrame
        let values = try evaluateAll(use.arguments)
        var frame = LocalFrame()
        for (p, v) in zip(modifier.parameters, values) { frame.values[p.id] = v }
        frame.placeholder = chain
        let saved = pushFrame(frame)
        defer { popFrames(to: saved) }
        _ = try executeBlock(modifier.body)  // a `return` leaves this modifier only
    }
}
