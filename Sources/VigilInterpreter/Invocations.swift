import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

// External calls of the contract: the constructor, transactions and re-entrant calls. Each is a
// revert boundary, and each becomes one step of the trace.

/// Where a top-level step sits in the schedule; re-entrant steps have none of it.
struct StepPlacement {
    var forcedEther: BigInt = 0
    var timestamp: BigInt?
    var blockNumber: BigInt?
    var isRuleCall = false
}

extension Machine {
    /// Runs one external call of the contract and returns its trace step. A revert is caught here
    /// (the step records it and every state change of the call is undone); a mismatch propagates.
    func runEntry(_ invocation: Invocation, kind: StepKind, placement: StepPlacement = StepPlacement())
        throws(Interruption) -> TraceStep
    {
        let function = try entryFunction(of: invocation, kind: kind)
        let arguments = try checkEntry(invocation, function: function, kind: kind)
        let name = invocation.function
        let before = state
        // A delegated call's value is its caller's, which arrived already.
        if kind != .delegatedCall { state.balance += invocation.value }
        try checkBalance("after the value sent to '\(name)'")
        let entryState = state
        invocations.append(
            InvocationContext(
                invocation: invocation, functionName: name, sender: invocation.sender, value: invocation.value))
        defer { invocations.removeLast() }
        let savedFrames = (count: frames.count, active: activeFrame)
        var revertReason: String?
        var returned: Value?
        do throws(Interruption) {
            if kind == .delegatedCall, invocation.value > 0, !(function?.isPayable ?? false) {
                throw .revert("'\(name)' is not payable, and the delegated call carries \(invocation.value) wei")
            }
            if kind == .constructor {
                try runInitializers()
                if let function { _ = try runFunction(function, arguments: arguments) }
            } else if let function {
                returned = try runFunction(function, arguments: arguments)
            }
        } catch {
            guard case .revert(let reason) = error else {
                if case .propertyFalse = error { throw .mismatch("internal: a property failure escaped into code") }
                throw error
            }
            popFrames(to: savedFrames)
            state = before
            revertReason = reason
        }
        let context = invocations[invocations.count - 1]
        if context.cursor < invocation.events.count {
            let left = invocation.events.count - context.cursor
            throw .mismatch(
                "'\(name)' ended with \(left) event\(left == 1 ? "" : "s") of the schedule left over "
                    + "(the next is \(describe(invocation.events[context.cursor])))")
        }
        if revertReason == nil, kind != .constructor, let function {
            try judgeEnsures(function, entryState: entryState, arguments: arguments, result: returned)
        }
        if kind == .delegatedCall { delegatedReturn = revertReason == nil ? returned : nil }
        var step = TraceStep(
            kind: kind, function: name, arguments: namedArguments(function, arguments),
            sender: .address(invocation.sender), value: invocation.value, forcedEther: placement.forcedEther,
            timestamp: placement.timestamp, blockNumber: placement.blockNumber,
            line: function.map { line(of: $0.decl.range) } ?? line(of: contract.decl.range),
            externalCalls: context.records, changes: [], revertReason: revertReason, returned: nil,
            isRuleCall: placement.isRuleCall)
        if revertReason == nil {
            step.changes = changes(from: before, to: state)
            step.events = context.events
            if let returned, let returnType = function?.returnType {
                step.returned = traceValue(returned, type: returnType)
            }
        }
        return step
    }

    /// The function an invocation calls: the constructor (none when the contract has none) or an entry point.
    private func entryFunction(of invocation: Invocation, kind: StepKind) throws(Interruption) -> FunctionInfo? {
        guard kind == .constructor else { return try entryPoint(named: invocation.function) }
        guard invocation.function == "constructor" else {
            throw .mismatch("the deployment calls '\(invocation.function)', not the constructor")
        }
        return contract.constructor
    }

    /// Checks what the schedule chose for an external call (arguments, sender, value, nesting)
    /// and returns the arguments as values.
    private func checkEntry(_ invocation: Invocation, function: FunctionInfo?, kind: StepKind) throws(Interruption)
        -> [Value]
    {
        let name = invocation.function
        let parameterTypes = function?.parameterTypes ?? []
        var leaves = invocation.arguments[...]
        var arguments: [Value] = []
        for (i, t) in parameterTypes.enumerated() {
            arguments.append(try scheduledValue(&leaves, type: t, what: "argument \(i + 1) of '\(name)'"))
        }
        guard leaves.isEmpty else {
            throw .mismatch("the schedule gives '\(name)' more argument values than its parameters take")
        }
        try checkSender(invocation.sender, of: name)
        guard invocation.value >= 0, invocation.value < ReplayLimits.uint256Limit else {
            throw .mismatch("the value sent to '\(name)' is not a uint256")
        }
        if invocation.value > 0, !(function?.isPayable ?? false), kind != .delegatedCall {
            throw .mismatch("'\(name)' is not payable, but the schedule sends it \(invocation.value) wei")
        }
        if kind == .reentrantCall, invocations.count >= ReplayLimits.reentrancyDepth {
            throw .mismatch("re-entrant calls are nested more than \(ReplayLimits.reentrancyDepth) deep")
        }
        return arguments
    }

    /// The arguments with their parameters' names (`arg1`, ... for unnamed ones) for the trace.
    private func namedArguments(_ function: FunctionInfo?, _ arguments: [Value]) -> [NamedValue] {
        guard let function else { return [] }
        return zip(function.decl.parameters, zip(function.parameterTypes, arguments)).enumerated().map { i, p in
            NamedValue(name: p.0.name?.name ?? "arg\(i + 1)", value: traceValue(p.1.1, type: p.1.0))
        }
    }

    /// The entry point a schedule names: a public or external function, `receive` or `fallback`.
    private func entryPoint(named name: String) throws(Interruption) -> FunctionInfo {
        let function: FunctionInfo?
        switch name {
        case "receive": function = contract.receive
        case "fallback": function = contract.fallback
        default: function = contract.functions[name]
        }
        guard let function, function.isEntryPoint else {
            throw .mismatch("'\(name)' is not a public or external function of \(contract.name)")
        }
        return function
    }

    /// An argument of a schedule as a value of its parameter's type.
    func argumentValue(_ a: BigInt, type: SolType, function: String, position: Int) throws(Interruption)
        -> Value
    {
        var leaves = [a][...]
        return try scheduledValue(&leaves, type: type, what: "argument \(position) of '\(function)'")
    }

    /// The value of type `type` that the next numbers of a schedule give (`what` names it in a
    /// mismatch): one number for an elementary type, a struct's fields in order, a fixed-size
    /// array's elements, a dynamic array's length and then that many elements, several values
    /// one after the other.
    func scheduledValue(_ leaves: inout ArraySlice<BigInt>, type: SolType, what: String) throws(Interruption)
        -> Value
    {
        switch type {
        case .tuple(let types):
            var values: [Value] = []
            for t in types { values.append(try scheduledValue(&leaves, type: t, what: what)) }
            return .structure(values)
        case .structType, .bytes, .string:
            guard let array = model.array(type) else {
                guard case .structType(let name) = type else { break }
                var values: [Value] = []
                for f in model.structs[name]?.fields ?? [] {
                    values.append(try scheduledValue(&leaves, type: f.type, what: what))
                }
                return .structure(values)
            }
            var length = BigInt(array.size ?? 0)
            if array.size == nil {
                guard let n = leaves.popFirst(), n >= 0, n <= BigInt(ReplayLimits.argumentArrayLength) else {
                    throw .mismatch("\(what) has no array length the replay accepts")
                }
                length = n
            }
            var items: [BigInt: Value] = [:]
            for i in 0..<Int(length) {
                items[BigInt(i)] = try scheduledValue(&leaves, type: array.element, what: what)
            }
            return .structure([.int(length), .mapping(items)])
        default:
            break
        }
        guard let a = leaves.popFirst() else { throw .mismatch("the schedule gives \(what) too few numbers") }
        switch type {
        case .bool:
            guard a == 0 || a == 1 else { throw .mismatch("\(what) is not a bool") }
            return .bool(a == 1)
        case .uint, .int, .address, .enumType, .interface, .fixedBytes:
            guard type.contains(a) else { throw .mismatch("\(what) (\(a)) is not a value of type \(type)") }
            return .int(a)
        case .string, .bytes:
            return chosenContents()
        default:
            throw .mismatch("\(what) has type \(type), which a schedule cannot give")
        }
    }

    /// Contents for a `bytes` or `string` argument the engines leave opaque: nothing they
    /// decide reads its contents, but a hash of it does run here, so each argument gets
    /// different contents ("a", "b", ..., "z", "a1", ...); the trace shows them, and a replay
    /// that still breaks the property is a real counterexample with these arguments.
    private func chosenContents() -> Value {
        let k = contentsChosen
        contentsChosen += 1
        let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(k % 26)))
        return .bytes(Array((String(letter) + (k < 26 ? "" : String(k / 26))).utf8))
    }

    /// `msg.sender` is never `this` nor `address(0)`.
    func checkSender(_ sender: BigInt, of function: String) throws(Interruption) {
        guard sender > 0, sender < ReplayLimits.addressLimit else {
            throw .mismatch("the sender of '\(function)' (\(sender)) is not a nonzero address")
        }
        guard sender != thisAddress else { throw .mismatch("the sender of '\(function)' is the contract itself") }
    }

    /// Ether never exceeds 2^128: a step that would pass it does not happen.
    func checkBalance(_ when: String) throws(Interruption) {
        if state.balance > ReplayLimits.maximumBalance {
            throw .mismatch("the balance exceeds 2^128 \(when)")
        }
        if state.balance < 0 { throw .mismatch("internal: negative balance \(when)") }
    }

    /// State variables start at zero; constants first (they are inlined), then initialisers in order.
    private func runInitializers() throws(Interruption) {
        let saved = pushFrame(LocalFrame())
        defer { popFrames(to: saved) }
        let variables = contract.stateVariables
        for pass in [true, false] {
            for (i, v) in variables.enumerated() where v.isConstant == pass {
                guard let initializer = v.initializer else { continue }
                if let constant = model.constants[initializer.id] {
                    state.variables[i] = .int(constant)
                } else {
                    state.variables[i] = try evaluate(initializer)
                }
            }
        }
    }

    /// An event of a schedule, for messages.
    func describe(_ event: ExternalEvent) -> String {
        switch event {
        case .handover: "a handover"
        case .etherSent: "an etherSent event"
        case .viewCall: "a viewCall event"
        case .otherBalance: "an otherBalance event"
        case .codeSize: "a codeSize event"
        case .callFailure: "a callFailure event"
        case .selfDelegateCall: "a selfDelegateCall event"
        }
    }
}
