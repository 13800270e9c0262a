import BigInt
import VigilTrace

/// A `Schedule` as the JSON report stores it: every number a decimal string, every external
/// event tagged with its kind. `vigil replay` reads it back with `schedule()`.
public struct ScheduleRecord: Codable, Sendable, Equatable {
    public var this: String
    public var initialBalance: String
    public var constructor: InvocationRecord
    public var transactions: [TransactionRecord]
    public var finalForcedEther: String
    /// For a rule: the values of its inputs, in the order of its declaration (absent when none).
    public var ruleInputs: [String]?
    /// The deployment's block (absent in reports that predate it: then the first transaction's).
    public var deploymentTimestamp: String?
    public var deploymentBlockNumber: String?
    /// `block.chainid` (absent in reports that predate it: then 1).
    public var chainID: String?

    enum CodingKeys: String, CodingKey {
        case this, constructor, transactions
        case initialBalance = "initial_balance"
        case finalForcedEther = "final_forced_ether"
        case ruleInputs = "rule_inputs"
        case deploymentTimestamp = "deployment_timestamp"
        case deploymentBlockNumber = "deployment_block_number"
        case chainID = "chain_id"
    }

    public init(_ s: Schedule) {
        this = s.thisAddress.description
        initialBalance = s.initialBalance.description
        constructor = InvocationRecord(s.constructor)
        transactions = s.transactions.map(TransactionRecord.init)
        finalForcedEther = s.finalForcedEther.description
        ruleInputs = s.ruleInputs.isEmpty ? nil : s.ruleInputs.map(\.description)
        deploymentTimestamp = s.deploymentTimestamp?.description
        deploymentBlockNumber = s.deploymentBlockNumber?.description
        chainID = s.chainID?.description
    }

    /// The schedule, or an error naming the first field that is not a decimal number.
    public func schedule() throws(ScheduleRecordError) -> Schedule {
        Schedule(
            thisAddress: try number(this, "this"), initialBalance: try number(initialBalance, "initial_balance"),
            constructor: try constructor.invocation(),
            transactions: try transactions.map { t throws(ScheduleRecordError) in try t.transaction() },
            finalForcedEther: try number(finalForcedEther, "final_forced_ether"),
            ruleInputs: try (ruleInputs ?? []).map { i throws(ScheduleRecordError) in try number(i, "rule input") },
            deploymentTimestamp: try deploymentTimestamp.map { t throws(ScheduleRecordError) in
                try number(t, "deployment_timestamp")
            },
            deploymentBlockNumber: try deploymentBlockNumber.map { n throws(ScheduleRecordError) in
                try number(n, "deployment_block_number")
            }, chainID: try chainID.map { n throws(ScheduleRecordError) in try number(n, "chain_id") })
    }
}

/// Why a saved schedule cannot be read back.
public struct ScheduleRecordError: Error, CustomStringConvertible {
    public let description: String
}

private func number(_ text: String, _ field: String) throws(ScheduleRecordError) -> BigInt {
    guard let n = BigInt(text, radix: 10) else {
        throw ScheduleRecordError(description: "the schedule's \(field) is not a decimal number: '\(text)'")
    }
    return n
}

/// A top-level transaction of a saved schedule.
public struct TransactionRecord: Codable, Sendable, Equatable {
    public var forcedEther: String
    public var timestamp: String
    public var blockNumber: String
    public var call: InvocationRecord
    public var ruleCall: Bool

    enum CodingKeys: String, CodingKey {
        case timestamp, call
        case forcedEther = "forced_ether"
        case blockNumber = "block_number"
        case ruleCall = "rule_call"
    }

    init(_ t: Transaction) {
        forcedEther = t.forcedEther.description
        timestamp = t.timestamp.description
        blockNumber = t.blockNumber.description
        call = InvocationRecord(t.call)
        ruleCall = t.isRuleCall
    }

    func transaction() throws(ScheduleRecordError) -> Transaction {
        Transaction(
            forcedEther: try number(forcedEther, "forced_ether"), timestamp: try number(timestamp, "timestamp"),
            blockNumber: try number(blockNumber, "block_number"), call: try call.invocation(), isRuleCall: ruleCall)
    }
}

/// A call of an entry point in a saved schedule; arguments in order, as integers.
public struct InvocationRecord: Codable, Sendable, Equatable {
    public var function: String
    public var arguments: [String]
    public var sender: String
    public var value: String
    public var events: [EventRecord]

    init(_ i: Invocation) {
        function = i.function
        arguments = i.arguments.map(\.description)
        sender = i.sender.description
        value = i.value.description
        events = i.events.map(EventRecord.init)
    }

    func invocation() throws(ScheduleRecordError) -> Invocation {
        Invocation(
            function: function,
            arguments: try arguments.map { a throws(ScheduleRecordError) in try number(a, "argument") },
            sender: try number(sender, "sender"), value: try number(value, "value"),
            events: try events.map { e throws(ScheduleRecordError) in try e.event() })
    }
}

/// The outside world's answer at one external interaction, tagged by `kind`: `handover`
/// (forced ether, re-entrant calls, success, returned value), `ether_sent` (success),
/// `view_call` (returned), `other_balance` (returned), `code_size` (returned) or
/// `call_failure` (failure: `error` with the reason's numbers as `returned_parts`, `panic` with
/// the code as `returned`, or `other`) or `self_delegate_call` (the entry point a
/// `delegatecall` to the contract itself ran, as the one element of `calls`; none when no
/// function matched).
public struct EventRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var failure: String?
    public var forcedEther: String?
    public var calls: [InvocationRecord]?
    public var success: Bool?
    /// A returned number; `returned_parts` instead for a struct, an array or several values.
    public var returned: String?
    public var returnedParts: [String]?

    enum CodingKeys: String, CodingKey {
        case kind, calls, success, returned, failure
        case forcedEther = "forced_ether"
        case returnedParts = "returned_parts"
    }

    /// A returned value: one number as `returned`, several as `returned_parts`.
    private mutating func setReturned(_ values: [BigInt]) {
        if values.count == 1 { returned = values[0].description } else { returnedParts = values.map(\.description) }
    }

    private func returnedValues() throws(ScheduleRecordError) -> [BigInt]? {
        if let returnedParts {
            return try returnedParts.map { r throws(ScheduleRecordError) in try number(r, "returned_parts") }
        }
        return try returned.map { r throws(ScheduleRecordError) in [try number(r, "returned")] }
    }

    init(_ e: ExternalEvent) {
        switch e {
        case .handover(let h):
            kind = "handover"
            forcedEther = h.forcedEther.description
            calls = h.calls.map(InvocationRecord.init)
            success = h.success
            if let r = h.returned { setReturned(r) }
        case .etherSent(let s):
            kind = "ether_sent"
            success = s
        case .viewCall(let v):
            kind = "view_call"
            setReturned(v)
        case .otherBalance(let v):
            kind = "other_balance"
            returned = v.description
        case .codeSize(let v):
            kind = "code_size"
            returned = v.description
        case .callFailure(.error(let reason)):
            kind = "call_failure"
            failure = "error"
            if !reason.isEmpty { returnedParts = reason.map(\.description) }
        case .callFailure(.panic(let code)):
            kind = "call_failure"
            failure = "panic"
            returned = code.description
        case .callFailure(.other):
            kind = "call_failure"
            failure = "other"
        case .selfDelegateCall(let invocation):
            kind = "self_delegate_call"
            calls = invocation.map { [InvocationRecord($0)] } ?? []
        }
    }

    func event() throws(ScheduleRecordError) -> ExternalEvent {
        switch kind {
        case "handover":
            return .handover(
                Handover(
                    forcedEther: try number(forcedEther ?? "", "forced_ether"),
                    calls: try (calls ?? []).map { c throws(ScheduleRecordError) in try c.invocation() },
                    success: success ?? false,
                    returned: try returnedValues()))
        case "ether_sent":
            return .etherSent(success: success ?? false)
        case "view_call":
            return .viewCall(returned: try returnedValues() ?? [])
        case "other_balance":
            return .otherBalance(try number(returned ?? "", "returned"))
        case "code_size":
            return .codeSize(try number(returned ?? "", "returned"))
        case "self_delegate_call":
            guard (calls ?? []).count <= 1 else {
                throw ScheduleRecordError(description: "a self_delegate_call event runs at most one call")
            }
            return .selfDelegateCall(try calls?.first.map { c throws(ScheduleRecordError) in try c.invocation() })
        case "call_failure":
            switch failure {
            case "error": return .callFailure(.error(reason: try returnedValues() ?? []))
            case "panic": return .callFailure(.panic(code: try number(returned ?? "", "returned")))
            case "other": return .callFailure(.other)
            default:
                throw ScheduleRecordError(
                    description: "a call_failure event needs 'failure': 'error', 'panic' or 'other'")
            }
        default:
            throw ScheduleRecordError(description: "the schedule has an event of unknown kind '\(kind)'")
        }
    }
}
