import BigInt
import SMT
import VigilLowering
import VigilTrace

/// Reads the choices of a counterexample out of a solver model: which functions, arguments,
/// senders, values, what each external interaction returned and the re-entrant calls made.
/// Only choices are read, never the state: the interpreter recomputes everything else.
struct ScheduleExtractor {
    let model: any Model
    let encoding: ContractEncoding

    func int(_ t: Term) throws -> BigInt {
        switch try model.evaluate(t) {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        }
    }

    func bool(_ t: Term) throws -> Bool {
        switch try model.evaluate(t) {
        case .bool(let b): return b
        case .int(let v): return v != 0
        }
    }

    /// The schedule of the deployment and the first `depth` transactions.
    func schedule(depth: Int) throws -> Schedule {
        let records = encoding.transactions
        let constructor = try invocation(records[0].candidates[0])
        var transactions: [Transaction] = []
        for record in records.dropFirst().prefix(depth) {
            let index = Int(try int(record.selector))
            guard record.candidates.indices.contains(index) else { throw SolverError("selector out of range") }
            transactions.append(
                Transaction(
                    forcedEther: try int(record.forcedEther), timestamp: try int(record.timestamp),
                    blockNumber: try int(record.blockNumber), call: try invocation(record.candidates[index])))
        }
        return Schedule(
            thisAddress: try int(encoding.thisAddress), initialBalance: try int(encoding.initialBalance),
            constructor: constructor, transactions: transactions,
            finalForcedEther: try int(encoding.pendingForcedEther), deploymentTimestamp: try int(records[0].timestamp),
            deploymentBlockNumber: try int(records[0].blockNumber), chainID: try encoding.chainID.map { try int($0) })
    }

    /// The schedule of a rule's execution: `prefix` transactions, then the rule's calls on the path taken.
    func schedule(prefix: Int, rule: RuleEncoding) throws -> Schedule {
        var s = try schedule(depth: prefix)
        for call in rule.calls where try bool(call.guardTerm) {
            s.transactions.append(
                Transaction(
                    forcedEther: try int(call.forcedEther), timestamp: try int(call.timestamp),
                    blockNumber: try int(call.blockNumber), call: try invocation(call.frame), isRuleCall: true))
        }
        s.ruleInputs = try rule.inputs.map { try int($0) }
        return s
    }

    /// The call a slot made, the candidate its selector picks; nil where its guard is false.
    private func chosenCall(_ slot: SlotRecord) throws -> Invocation? {
        guard try bool(slot.guardTerm) else { return nil }
        let index = Int(try int(slot.selector))
        guard slot.candidates.indices.contains(index) else { throw SolverError("selector out of range") }
        return try invocation(slot.candidates[index])
    }

    private func invocation(_ frame: FrameRecord) throws -> Invocation {
        var events: [ExternalEvent] = []
        for site in frame.sites {
            switch site {
            case .handover(let guardTerm, let forced, let slots, let success, let returned):
                guard try bool(guardTerm) else { continue }
                var calls: [Invocation] = []
                for slot in slots { if let call = try chosenCall(slot) { calls.append(call) } }
                events.append(
                    .handover(
                        Handover(
                            forcedEther: try int(forced), calls: calls, success: try bool(success),
                            returned: try returned.map { try leaves($0) })))
            case .etherSent(let guardTerm, let success):
                if try bool(guardTerm) { events.append(.etherSent(success: try bool(success))) }
            case .viewCall(let guardTerm, let value):
                if try bool(guardTerm) { events.append(.viewCall(returned: try leaves(value))) }
            case .otherBalance(let guardTerm, let value):
                if try bool(guardTerm) { events.append(.otherBalance(try int(value))) }
            case .codeSize(let guardTerm, let value):
                if try bool(guardTerm) { events.append(.codeSize(try int(value))) }
            case .selfDelegateCall(let guardTerm, let slot):
                if try bool(guardTerm) { events.append(.selfDelegateCall(try chosenCall(slot))) }
            case .callFailure(let guardTerm, let kind, let code, let reason):
                guard try bool(guardTerm) else { continue }
                switch try int(kind) {
                case 1: events.append(.callFailure(.error(reason: try reason.map { try leaves($0) } ?? [])))
                case 2: events.append(.callFailure(.panic(code: try int(code))))
                default: events.append(.callFailure(.other))
                }
            }
        }
        return Invocation(
            function: frame.function.name, arguments: try frame.arguments.flatMap { try leaves($0) },
            sender: try int(frame.sender), value: try int(frame.value), events: events)
    }

    /// An argument's values as a schedule records them: a struct's fields in order, a dynamic
    /// array's length and then that many elements.
    private func leaves(_ argument: ArgumentTerms) throws -> [BigInt] {
        switch argument {
        case .value(let t): return [try int(t)]
        case .parts(let parts): return try parts.flatMap { try leaves($0) }
        case .dynamic(let length, let elements):
            let n = try int(length)
            guard n >= 0, n <= BigInt(elements.count) else {
                throw SolverError("an array argument's length is unbounded")
            }
            return [n] + (try elements.prefix(Int(n)).flatMap { try leaves($0) })
        }
    }
}
