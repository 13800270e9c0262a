import BigInt
import VigilSema
import VigilTrace

/// A concrete interpreter for one contract: it replays a schedule (the environment's choices)
/// with Solidity 0.8's meaning (docs/LANGUAGE-REFERENCE.md) and judges one property, independently of the encoder.
public struct Interpreter: Sendable {
    /// The analysed program.
    public let model: SemanticModel
    /// The contract whose schedules are replayed.
    public let contract: ContractInfo

    /// An interpreter for `contract`, one of `model.contracts`.
    public init(model: SemanticModel, contract: ContractInfo) {
        self.model = model
        self.contract = contract
    }

    /// Replays the schedule and judges `property`. Never traps: every problem is a `.mismatch`.
    ///
    /// With `trusted` false, the contract's `trusted` declarations are ignored: re-entrant calls
    /// may come from any sender but `this` and `address(0)`.
    public func replay(_ schedule: Schedule, property: PropertyReference, trusted: Bool = true) -> ReplayResult {
        if property.kind == .rule { return .mismatch("rules are replayed elsewhere") }
        let machine = Machine(
            model: model, contract: contract, schedule: schedule, property: property, trusted: trusted)
        return machine.replay()
    }
}

/// What a replay found.
public enum ReplayResult: Sendable {
    /// The property failed; the trace ends with the transaction in which it failed.
    case violated(Trace)
    /// The schedule ran to the end and the property held throughout.
    case notViolated(Trace)
    /// The schedule does not fit the contract or the rules of replay (docs/LANGUAGE-REFERENCE.md, "Replay"); the reason says where.
    case mismatch(String)
    /// The schedule ran, but the property's failure cannot be confirmed on concrete values (a
    /// quantifier whose witness lies outside the candidates tried); the reason says which.
    case unconfirmable(String)
}

extension Machine {
    /// Deploys, runs every transaction, and judges the property at the points the reference names ("Properties").
    func replay() -> ReplayResult {
        do {
            try checkPropertyExists()
            var steps: [TraceStep] = []
            steps.append(try deploy())
            if violation == nil { try judgeInvariant() }
            if violation != nil { return finish(steps) }
            var last = (timestamp: timestamp, number: blockNumber)
            for (index, transaction) in schedule.transactions.enumerated() {
                steps.append(try runTransaction(transaction, position: "transaction \(index + 1)", after: &last))
                try judgeInvariant()
                if violation != nil { return finish(steps) }
            }
            try forceEther(schedule.finalForcedEther, before: "the end")
            try judgeInvariant()
            return finish(steps, finalForcedEther: schedule.finalForcedEther)
        } catch {
            switch error {
            case .mismatch(let reason): return .mismatch(reason)
            case .revert(let reason): return .mismatch("internal: a revert escaped its call (\(reason))")
            case .propertyFalse: return .mismatch("internal: a property failure escaped its property")
            case .unconfirmable(let why): return .unconfirmable(why)
            }
        }
    }

    /// Runs one top-level transaction of the schedule: forced ether, its block, then the call.
    /// Invariants are judged once the ether is in, before the call.
    func runTransaction(
        _ transaction: Transaction, position: String, after last: inout (timestamp: BigInt, number: BigInt)
    ) throws(Interruption) -> TraceStep {
        try forceEther(transaction.forcedEther, before: position)
        try checkBlock(transaction, position: position, after: last)
        last = (transaction.timestamp, transaction.blockNumber)
        timestamp = transaction.timestamp
        blockNumber = transaction.blockNumber
        origin = transaction.call.sender
        try judgeInvariant()
        let placement = StepPlacement(
            forcedEther: transaction.forcedEther, timestamp: transaction.timestamp,
            blockNumber: transaction.blockNumber, isRuleCall: transaction.isRuleCall)
        return try runEntry(transaction.call, kind: .transaction, placement: placement)
    }

    func finish(_ steps: [TraceStep], finalForcedEther: BigInt = 0, ruleInputs: [NamedValue] = []) -> ReplayResult {
        let trace = Trace(
            steps: steps, initialBalance: schedule.initialBalance, thisAddress: thisAddress,
            failureLine: violation?.line ?? 0, parts: violation?.parts ?? [], roles: roles(),
            finalForcedEther: finalForcedEther, ruleInputs: ruleInputs)
        return violation == nil ? .notViolated(trace) : .violated(trace)
    }

    private func checkPropertyExists() throws(Interruption) {
        switch property.kind {
        case .invariant where judgedInvariant == nil,
            .assertion where judgedAsserts.isEmpty, .panic where judgedAsserts.isEmpty,
            .unchecked where judgedAsserts.isEmpty,
            .ensures where judgedEnsures.isEmpty:
            throw .mismatch("\(contract.name) has no \(property.kind.rawValue) named '\(property.name)'")
        default:
            return
        }
    }

    /// The deployment: zero state, initialisers, then the constructor's modifiers and body.
    func deploy() throws(Interruption) -> TraceStep {
        guard thisAddress > 0, thisAddress < ReplayLimits.addressLimit else {
            throw .mismatch("the contract's address is not a nonzero address")
        }
        guard schedule.initialBalance >= 0, schedule.initialBalance <= ReplayLimits.maximumBalance else {
            throw .mismatch("the initial balance is not between 0 and 2^128")
        }
        state = ContractState(
            variables: contract.stateVariables.map { zeros.zero(of: $0.type) }, balance: schedule.initialBalance)
        let first = schedule.transactions.first
        timestamp = schedule.deploymentTimestamp ?? first?.timestamp ?? 0
        blockNumber = schedule.deploymentBlockNumber ?? first?.blockNumber ?? 0
        origin = schedule.constructor.sender
        try checkBlockValues(timestamp, blockNumber, position: "the deployment")
        inConstructor = true
        defer { inConstructor = false }
        let placement = StepPlacement(timestamp: timestamp, blockNumber: blockNumber)
        let step = try runEntry(schedule.constructor, kind: .constructor, placement: placement)
        // A deployment that fails an assert is the counterexample; one that reverts otherwise is no execution.
        if let reason = step.revertReason, violation == nil { throw .mismatch("constructor reverts: \(reason)") }
        return step
    }

    func forceEther(_ amount: BigInt, before position: String) throws(Interruption) {
        guard amount >= 0 else { throw .mismatch("negative ether forced in before \(position)") }
        state.balance += amount
        try checkBalance("after ether forced in before \(position)")
    }

    private func checkBlock(
        _ transaction: Transaction, position: String, after last: (timestamp: BigInt, number: BigInt)
    ) throws(Interruption) {
        try checkBlockValues(transaction.timestamp, transaction.blockNumber, position: position)
        guard transaction.timestamp >= last.timestamp else {
            throw .mismatch("the timestamp decreases at \(position)")
        }
        guard transaction.blockNumber >= last.number else {
            throw .mismatch("the block number decreases at \(position)")
        }
    }

    private func checkBlockValues(_ t: BigInt, _ n: BigInt, position: String) throws(Interruption) {
        guard t >= 0, t < ReplayLimits.uint256Limit, n >= 0, n < ReplayLimits.uint256Limit else {
            throw .mismatch("the block of \(position) is out of range")
        }
    }
}
