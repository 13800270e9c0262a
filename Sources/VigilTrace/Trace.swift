import BigInt

/// A concrete value shown in a trace.
public enum TraceValue: Sendable, Hashable, Codable {
    case int(BigInt)
    case bool(Bool)
    case address(BigInt)
    /// An enum member, by name.
    case enumMember(String)
    /// Anything else, already written in Vigil syntax (a struct value).
    case text(String)
}

/// One step of a path into state: `balances[user1].amount`.
public enum PathComponent: Sendable, Hashable, Codable {
    case variable(String)
    case key(TraceValue)
    case field(String)
}

/// A location in state whose value changed, with its values before and after.
public struct StateChange: Sendable, Hashable, Codable {
    public var path: [PathComponent]
    public var old: TraceValue
    public var new: TraceValue
    public init(path: [PathComponent], old: TraceValue, new: TraceValue) {
        self.path = path
        self.old = old
        self.new = new
    }
}

/// What kind of step a trace shows.
public enum StepKind: String, Sendable, Hashable, Codable {
    case constructor
    case transaction
    /// A call the environment made during a handover.
    case reentrantCall = "reentrant-call"
    /// A function the contract ran on itself through `delegatecall` (multicall), with its
    /// caller's sender and value.
    case delegatedCall = "delegated-call"
}

/// A named argument value.
public struct NamedValue: Sendable, Hashable, Codable {
    public var name: String
    public var value: TraceValue
    public init(name: String, value: TraceValue) {
        self.name = name
        self.value = value
    }
}

/// An external interaction inside a step: a handover with the calls under it, or a value the world returned.
public struct ExternalCallRecord: Sendable, Hashable, Codable {
    /// `call`, `transfer`, `send`, or the interface function's name.
    public var kind: String
    public var target: TraceValue
    public var value: BigInt
    public var line: Int
    /// Ether forced in during the handover.
    public var forcedEther: BigInt
    /// The re-entrant calls, in order.
    public var calls: [TraceStep]
    /// What the external call returned (`true`, a value, `reverted`).
    public var outcome: String
    /// False for what cannot call back: a `view` interface call, reading another account's balance.
    public var handsOverControl: Bool
    public init(
        kind: String, target: TraceValue, value: BigInt, line: Int, forcedEther: BigInt, calls: [TraceStep],
        outcome: String, handsOverControl: Bool = true
    ) {
        self.handsOverControl = handsOverControl
        self.kind = kind
        self.target = target
        self.value = value
        self.line = line
        self.forcedEther = forcedEther
        self.calls = calls
        self.outcome = outcome
    }
}

/// An event a step emitted, with its arguments named by the event's parameters.
public struct EventRecord: Sendable, Hashable, Codable {
    public var name: String
    public var arguments: [NamedValue]
    /// The line of the `emit` statement.
    public var line: Int
    /// How many of the step's external calls came before it (its place among them).
    public var callsBefore: Int
    public init(name: String, arguments: [NamedValue], line: Int, callsBefore: Int) {
        self.name = name
        self.arguments = arguments
        self.line = line
        self.callsBefore = callsBefore
    }
}

/// One call of the contract in a replayed trace, with what it changed.
public struct TraceStep: Sendable, Hashable, Codable {
    public var kind: StepKind
    public var function: String
    public var arguments: [NamedValue]
    public var sender: TraceValue
    public var value: BigInt
    /// Ether forced in just before this step (top-level steps only).
    public var forcedEther: BigInt
    public var timestamp: BigInt?
    public var blockNumber: BigInt?
    /// The line of the function's declaration.
    public var line: Int
    /// The external interactions during the step, in order.
    public var externalCalls: [ExternalCallRecord]
    /// What changed in state during the step (nothing when it reverted).
    public var changes: [StateChange]
    /// The events the step emitted itself, in order (none when it reverted; a re-entrant
    /// call's events are in its own step).
    public var events: [EventRecord]
    /// Why the step reverted, if it did.
    public var revertReason: String?
    /// The value the function returned, if any.
    public var returned: TraceValue?
    /// True for a call made by a rule.
    public var isRuleCall: Bool

    public init(
        kind: StepKind, function: String, arguments: [NamedValue], sender: TraceValue, value: BigInt,
        forcedEther: BigInt, timestamp: BigInt?, blockNumber: BigInt?, line: Int, externalCalls: [ExternalCallRecord],
        changes: [StateChange], events: [EventRecord] = [], revertReason: String?, returned: TraceValue?,
        isRuleCall: Bool
    ) {
        self.kind = kind
        self.function = function
        self.arguments = arguments
        self.sender = sender
        self.value = value
        self.forcedEther = forcedEther
        self.timestamp = timestamp
        self.blockNumber = blockNumber
        self.line = line
        self.externalCalls = externalCalls
        self.changes = changes
        self.events = events
        self.revertReason = revertReason
        self.returned = returned
        self.isRuleCall = isRuleCall
    }
}

/// A replayed counterexample (or witness): the steps in order, where the property failed,
/// and the values of the property's parts at that point.
public struct Trace: Sendable, Hashable, Codable {
    public var steps: [TraceStep]
    /// Ether held before the constructor.
    public var initialBalance: BigInt
    /// The contract's own address.
    public var thisAddress: BigInt
    /// The line where the property failed (the assert, the ensures, the invariant).
    public var failureLine: Int
    /// Sub-expressions of the property with their values, e.g. `balance = 0`.
    public var parts: [NamedValue]
    /// Addresses that hold roles in state, e.g. `owner`, used to name addresses readably.
    public var roles: [NamedValue]
    /// Ether forced in after the last step that is not a rule's: before the state where an
    /// invariant failed, or where a rule started.
    public var finalForcedEther: BigInt
    /// For a rule: its parameters and the locals it left to the environment, with their values.
    public var ruleInputs: [NamedValue]

    public init(
        steps: [TraceStep], initialBalance: BigInt, thisAddress: BigInt, failureLine: Int, parts: [NamedValue],
        roles: [NamedValue], finalForcedEther: BigInt = 0, ruleInputs: [NamedValue] = []
    ) {
        self.finalForcedEther = finalForcedEther
        self.ruleInputs = ruleInputs
        self.steps = steps
        self.initialBalance = initialBalance
        self.thisAddress = thisAddress
        self.failureLine = failureLine
        self.parts = parts
        self.roles = roles
    }
}
