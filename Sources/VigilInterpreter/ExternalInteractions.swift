import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

// Interactions with other accounts (docs/LANGUAGE-REFERENCE.md, "Meaning and the attacker"). Each consumes the next event of
// the current invocation, in execution order, and leaves a record in the trace.

extension Machine {
    /// `to.call{value: v}(data)`: hands over control; false undoes everything that happened in
    /// it. Returns the success and the data returned (the schedule's; reports before it recorded
    /// the data give none, and reading it is then not replayed).
    func lowLevelCall(_ e: Expr, target: BigInt, amount: BigInt) throws(Interruption) -> Value {
        if amount > state.balance {
            record(e, kind: "call", target: target, value: amount, outcome: "false (value exceeds balance)")
            return .structure([.bool(false), .bytes([])])
        }
        let h = try nextHandover(for: "the call", at: e)
        var data = Value.none
        if let returned = h.returned {
            var leaves = returned[...]
            data = try scheduledValue(
                &leaves, type: .bytes, what: "the data the call at line \(line(of: e.range)) returned")
        }
        let snapshot = state
        state.balance -= amount
        let steps = try runHandover(h, at: e)
        if !h.success { state = snapshot }
        record(
            e, kind: "call", target: target, value: amount, forcedEther: h.forcedEther, calls: steps,
            outcome: h.success ? "true" : "false")
        return .structure([.bool(h.success), data])
    }

    /// `new C{value: amount}(...)`: the ether leaves (too little reverts), the new contract's
    /// code holds control (a handover of the schedule), then the creation yields the schedule's
    /// address or reverts (and the revert propagates).
    func creation(_ e: Expr, contract: String, amount: BigInt) throws(Interruption) -> Value {
        let kind =
            "new \(writtenName(contract))"
        let caught = tryCall == e.id
        guard amount <= state.balance else {
            if caught {
                triedCallFailed = true
                return .int(0)
            }
            throw .revert("\(kind) at line \(line(of: e.range)) sends more ether than the contract holds")
        }
        let snapshot = state
        state.balance -= amount
        let h = try nextHandover(for: kind, at: e)
        let steps = try runHandover(h, at: e)
        guard h.success else {
            let data = try calleeFailure(at: e)
            record(
                e, kind: kind, target: 0, value: amount, forcedEther: h.forcedEther, calls: steps,
                outcome: "reverted\(data)")
            // A `try` catches the failure: what the creation did is undone.
            if caught {
                state = snapshot
                triedCallFailed = true
                return .int(0)
            }
            throw .revert("\(kind) reverted at line \(line(of: e.range))")
        }
        guard let r = h.returned else {
            throw .mismatch("the handover of \(kind) at line \(line(of: e.range)) needs the new address")
        }
        let address = try returnedValue(r, type: .address(payable: false), of: kind, at: e)
        let created = try address.number()
        guard created != 0, created != thisAddress else {
            throw .mismatch("\(kind) at line \(line(of: e.range)) yields an address that cannot be a new contract's")
        }
        record(
            e, kind: kind, target: created, value: amount, forcedEther: h.forcedEther, calls: steps,
            outcome: "returned \(render(traceValue(address, type: .address(payable: false))))")
        return address
    }

    /// A call of an interface function: a `view` one returns a value of the schedule; any other
    /// one sends `amount` ether (too little reverts), hands over control, then returns a value or
    /// reverts (and the revert propagates).
    func interfaceCall(
        _ e: Expr, interface: String, function: String, isView: Bool, target: BigInt, amount: BigInt
    ) throws(Interruption) -> Value {
        let returnType = model.interfaces[interface]?.functions[function]?.returnType
        // `IERC20.transfer`, not `transfer`: the trace tells it from an ether transfer.
        let kind =
            "\(writtenName(interface)).\(function)"
        if isView {
            if tryCall == e.id, try !triedViewCallSucceeds(e, kind: kind, target: target) {
                triedCallFailed = true
                return returnType.map { zeros.zero(of: $0) } ?? Value.none
            }
            let event = try nextEvent(expecting: "a viewCall event for \(interface).\(function)", at: e)
            guard case .viewCall(let r) = event else {
                throw kindMismatch(expected: "a viewCall event for \(interface).\(function)", found: event, at: e)
            }
            let value = try returnedValue(r, type: returnType, of: function, at: e)
            record(
                e, kind: kind, target: target, value: 0, outcome: outcomeText(value, returnType),
                handsOverControl: false)
            return value
        }
        guard amount <= state.balance else {
            record(e, kind: kind, target: target, value: amount, outcome: "reverted (value exceeds balance)")
            if tryCall == e.id {
                triedCallFailed = true
                return returnType.map { zeros.zero(of: $0) } ?? Value.none
            }
            throw .revert(
                "\(interface).\(function) at line \(line(of: e.range)) sends more ether than the contract holds")
        }
        let h = try nextHandover(for: "\(interface).\(function)", at: e)
        let snapshot = state
        state.balance -= amount
        let steps = try runHandover(h, at: e)
        guard h.success else {
            let data = try calleeFailure(at: e)
            record(
                e, kind: kind, target: target, value: amount, forcedEther: h.forcedEther, calls: steps,
                outcome: "reverted\(data)")
            // A `try` catches the failure: what the call did is undone.
            if tryCall == e.id {
                state = snapshot
                triedCallFailed = true
                return returnType.map { zeros.zero(of: $0) } ?? Value.none
            }
            throw .revert("\(interface).\(function) reverted at line \(line(of: e.range))")
        }
        let value: Value
        if returnType != nil {
            guard let r = h.returned else {
                throw .mismatch(
                    "the handover of \(interface).\(function) at line \(line(of: e.range)) needs a returned value")
            }
            value = try returnedValue(r, type: returnType, of: function, at: e)
        } else {
            guard h.returned == nil else {
                throw .mismatch(
                    "the handover of \(interface).\(function) at line \(line(of: e.range)) returns a value, "
                        + "but the function returns none")
            }
            value = .none
        }
        record(
            e, kind: kind, target: target, value: amount, forcedEther: h.forcedEther, calls: steps,
            outcome: outcomeText(value, returnType))
        return value
    }

    /// `transfer` and `send`: cannot re-enter. Sending more than the balance always fails.
    func sendEther(_ e: Expr, isTransfer: Bool, to target: BigInt, amount: BigInt) throws(Interruption) -> Bool {
        let kind = isTransfer ? "transfer" : "send"
        let failure = isTransfer ? "reverted" : "false"
        if amount > state.balance {
            record(e, kind: kind, target: target, value: amount, outcome: "\(failure) (value exceeds balance)")
            if isTransfer { throw .revert("transfer of more than the balance at line \(line(of: e.range))") }
            return false
        }
        let event = try nextEvent(expecting: "an etherSent event for the \(kind)", at: e)
        guard case .etherSent(let success) = event else {
            throw kindMismatch(expected: "an etherSent event for the \(kind)", found: event, at: e)
        }
        guard success else {
            record(e, kind: kind, target: target, value: amount, outcome: failure)
            if isTransfer { throw .revert("transfer failed at line \(line(of: e.range))") }
            return false
        }
        state.balance -= amount
        record(e, kind: kind, target: target, value: amount, outcome: "true")
        return true
    }

    /// `a.balance` of an account other than this contract: any value.
    func readOtherBalance(of address: BigInt, at e: Expr) throws(Interruption) -> BigInt {
        let event = try nextEvent(expecting: "an otherBalance event", at: e)
        guard case .otherBalance(let v) = event else {
            throw kindMismatch(expected: "an otherBalance event", found: event, at: e)
        }
        guard v >= 0, v < ReplayLimits.uint256Limit else {
            throw .mismatch("the balance read at line \(line(of: e.range)) is not a uint256")
        }
        record(e, kind: "balance", target: address, value: 0, outcome: "returned \(v)", handsOverControl: false)
        return v
    }

    /// Whether a `view` call a `try` runs succeeds, as the schedule says (a `viewCall` event of 1
    /// or 0 before the one of its value); a failure is recorded here.
    private func triedViewCallSucceeds(_ e: Expr, kind: String, target: BigInt) throws(Interruption) -> Bool {
        let event = try nextEvent(expecting: "a viewCall event of 0 or 1 for the tried \(kind)", at: e)
        guard case .viewCall(let r) = event, r.count == 1, r[0] == 0 || r[0] == 1 else {
            throw kindMismatch(expected: "a viewCall event of 0 or 1 for the tried \(kind)", found: event, at: e)
        }
        if r[0] == 0 {
            let data = try calleeFailure(at: e)
            record(e, kind: kind, target: target, value: 0, outcome: "reverted\(data)", handsOverControl: false)
        }
        return r[0] == 1
    }

    /// For a `try` whose clauses tell failures apart, the data the callee failed with (the
    /// next event), kept in `triedFailure` for the clauses; what the trace adds to "reverted".
    private func calleeFailure(at e: Expr) throws(Interruption) -> String {
        guard tryCall == e.id, tryClassifiesFailure else { return "" }
        let event = try nextEvent(expecting: "a callFailure event", at: e)
        guard case .callFailure(let failure) = event else {
            throw kindMismatch(expected: "a callFailure event", found: event, at: e)
        }
        switch failure {
        case .error(let reason):
            guard !reason.isEmpty else {
                triedFailure = (failure, .none)
                return " with Error(...)"
            }
            var leaves = reason[...]
            let value = try scheduledValue(
                &leaves, type: .string, what: "the reason the call at line \(line(of: e.range)) failed with")
            triedFailure = (failure, value)
            return " with Error(\(render(traceValue(value, type: .string))))"
        case .panic(let code):
            triedFailure = (failure, .int(code))
            return " with Panic(0x\(String(code, radix: 16)))"
        case .other:
            triedFailure = (failure, .none)
            return " with other data"
        }
    }

    /// `address(this).delegatecall(data)`: the schedule's entry point runs on this contract with
    /// the caller's sender and value (no ether arrives, no handover), or, when the schedule
    /// names none, no function matched and the call fails. A revert inside undoes the call and
    /// returns false; on success the data is the ABI encoding of what the function returned.
    func selfDelegateCall(_ e: Expr) throws(Interruption) -> Value {
        let event = try nextEvent(expecting: "a selfDelegateCall event", at: e)
        guard case .selfDelegateCall(let invocation) = event, let caller = invocations.last else {
            throw kindMismatch(expected: "a selfDelegateCall event", found: event, at: e)
        }
        guard let invocation else {
            guard contract.fallback == nil else {
                throw .mismatch(
                    "the delegatecall at line \(line(of: e.range)) matches no function, but 'fallback' runs then")
            }
            record(
                e, kind: "delegatecall", target: thisAddress, value: 0, outcome: "false (no function matches)",
                handsOverControl: false)
            return .structure([.bool(false), .bytes([])])
        }
        guard invocation.sender == caller.sender, invocation.value == caller.value else {
            throw .mismatch("the delegatecall at line \(line(of: e.range)) runs with its caller's sender and value")
        }
        delegationDepth += 1
        defer { delegationDepth -= 1 }
        delegatedReturn = nil
        let step = try runEntry(invocation, kind: .delegatedCall)
        let ok = step.revertReason == nil
        record(
            e, kind: "delegatecall", target: thisAddress, value: 0, calls: [step], outcome: ok ? "true" : "false",
            handsOverControl: false)
        guard ok else { return .structure([.bool(false), .bytes([])]) }
        return .structure([.bool(true), try encodedReturn(of: invocation.function)])
    }

    /// The ABI encoding of what the last delegated entry point returned; opaque when the
    /// replay does not encode it (structs, arrays).
    private func encodedReturn(of function: String) throws(Interruption) -> Value {
        guard let type = contract.functions[function]?.returnType, let returned = delegatedReturn else {
            return .bytes([])
        }
        let (types, values): ([SolType], [Value]) =
            if case .tuple(let ts) = type, case .structure(let vs) = returned { (ts, vs) } else { ([type], [returned]) }
        var encoded: [AbiValue] = []
        for (t, v) in zip(types, values) {
            guard let a = try abiValue(v, t) else { return Value.none }
            encoded.append(a)
        }
        return .bytes(AbiEncoding.encode(encoded))
    }

    /// `to.staticcall(data)`: succeeds or not as the schedule says (a `viewCall` event of 1 or 0);
    /// nothing it runs changes this contract, and what it returns is bytes the environment chose.
    func staticCall(_ e: Expr, target: BigInt) throws(Interruption) -> Bool {
        let event = try nextEvent(expecting: "a viewCall event for the staticcall", at: e)
        guard case .viewCall(let r) = event, r.count == 1, r[0] == 0 || r[0] == 1 else {
            throw kindMismatch(expected: "a viewCall event of 0 or 1 for the staticcall", found: event, at: e)
        }
        record(
            e, kind: "staticcall", target: target, value: 0, outcome: r[0] == 1 ? "true" : "false",
            handsOverControl: false)
        return r[0] == 1
    }

    /// `a.code.length`: the schedule's value, the same for an address throughout the replay;
    /// the code at this contract is empty while its constructor runs, and only then.
    func readCodeSize(of address: BigInt, at e: Expr) throws(Interruption) -> BigInt {
        let event = try nextEvent(expecting: "a codeSize event", at: e)
        guard case .codeSize(let v) = event else {
            throw kindMismatch(expected: "a codeSize event", found: event, at: e)
        }
        guard v >= 0, v < ReplayLimits.uint256Limit else {
            throw .mismatch("the code size read at line \(line(of: e.range)) is not a uint256")
        }
        if address == thisAddress, inConstructor {
            guard v == 0 else { throw .mismatch("the contract has no code while its constructor runs") }
        } else {
            if address == thisAddress, v == 0 { throw .mismatch("the contract's own code is not empty") }
            if let known = codeSizes[address], known != v {
                throw .mismatch("the code size of \(address) reads \(known), then \(v) at line \(line(of: e.range))")
            }
            codeSizes[address] = v
        }
        record(e, kind: "code.length", target: address, value: 0, outcome: "returned \(v)", handsOverControl: false)
        return v
    }

    // MARK: - Handovers

    /// Forced ether, then the environment's calls back into the contract, each a revert boundary.
    private func runHandover(_ h: Handover, at e: Expr) throws(Interruption) -> [TraceStep] {
        guard h.forcedEther >= 0 else { throw .mismatch("negative forced ether at line \(line(of: e.range))") }
        state.balance += h.forcedEther
        try checkBalance("after ether forced in during the handover at line \(line(of: e.range))")
        guard !h.calls.isEmpty else { return [] }
        if inConstructor {
            throw .mismatch("nothing can re-enter during the constructor (handover at line \(line(of: e.range)))")
        }
        let trustedAddresses = applyTrusted ? try evaluateTrusted() : []
        var steps: [TraceStep] = []
        for call in h.calls {
            if trustedAddresses.contains(call.sender) {
                throw .mismatch(
                    "a re-entrant call of '\(call.function)' comes from the trusted address \(call.sender)")
            }
            steps.append(try runEntry(call, kind: .reentrantCall))
        }
        return steps
    }

    private func nextHandover(for what: String, at e: Expr) throws(Interruption) -> Handover {
        let event = try nextEvent(expecting: "a handover for \(what)", at: e)
        guard case .handover(let h) = event else {
            throw kindMismatch(expected: "a handover for \(what)", found: event, at: e)
        }
        return h
    }

    /// Takes the next event of the current invocation.
    private func nextEvent(expecting expected: String, at e: Expr) throws(Interruption) -> ExternalEvent {
        guard propertyDepth == 0 else {
            throw .mismatch("a property cannot interact with other accounts (line \(line(of: e.range)))")
        }
        guard let context = invocations.last else {
            throw .mismatch("an interaction at line \(line(of: e.range)) outside a call of the contract")
        }
        guard context.cursor < context.invocation.events.count else {
            throw .mismatch(
                "'\(context.functionName)' expected \(expected) at line \(line(of: e.range)), "
                    + "but the schedule has no more events")
        }
        invocations[invocations.count - 1].cursor += 1
        return context.invocation.events[context.cursor]
    }

    private func kindMismatch(expected: String, found: ExternalEvent, at e: Expr) -> Interruption {
        let function = invocations.last?.functionName ?? "?"
        return .mismatch(
            "'\(function)' expected \(expected) at line \(line(of: e.range)), but the schedule gives \(describe(found))"
        )
    }

    private func returnedValue(_ r: [BigInt], type: SolType?, of function: String, at e: Expr) throws(Interruption)
        -> Value
    {
        guard let type else { return .none }
        var leaves = r[...]
        let what = "what \(function) returns at line \(line(of: e.range))"
        let value = try scheduledValue(&leaves, type: type, what: what)
        guard leaves.isEmpty else { throw .mismatch("the schedule gives \(what) too many numbers") }
        return value
    }

    private func outcomeText(_ value: Value, _ type: SolType?) -> String {
        guard let type else { return "returned" }
        return "returned \(render(traceValue(value, type: type)))"
    }

    private func record(
        _ e: Expr, kind: String, target: BigInt, value: BigInt, forcedEther: BigInt = 0, calls: [TraceStep] = [],
        outcome: String, handsOverControl: Bool = true
    ) {
        guard !invocations.isEmpty else { return }
        invocations[invocations.count - 1].records.append(
            ExternalCallRecord(
                kind: kind, target: .address(target), value: value, line: line(of: e.range), forcedEther: forcedEther,
                calls: calls, outcome: outcome, handsOverControl: handsOverControl))
    }
}
