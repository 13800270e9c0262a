import BigInt

/// The choices that determine one execution: everything the environment decides.
/// An engine extracts a schedule from a solver model; the interpreter replays it on
/// concrete values and decides for itself what happens.
public struct Schedule: Sendable, Hashable, Codable {
    /// The contract's own address.
    public var thisAddress: BigInt
    /// Ether the contract holds before its constructor runs.
    public var initialBalance: BigInt
    /// The deployment: the constructor's arguments, sender and value (function name `constructor`).
    public var constructor: Invocation
    /// The block the deployment runs in; nil: the first transaction's block (time and number 0
    /// when there is none), as reports written before it was recorded say.
    public var deploymentTimestamp: BigInt?
    public var deploymentBlockNumber: BigInt?
    /// `block.chainid` throughout the run (nil: 1, as reports written before it was recorded).
    public var chainID: BigInt?
    /// The transactions after the constructor, in order.
    public var transactions: [Transaction]
    /// Ether forced in after the last transaction that is not a rule's (a committed state, where
    /// invariants are judged too, and where a rule starts).
    public var finalForcedEther: BigInt
    /// For a rule: the values of its parameters and of its locals declared without a value, in
    /// the order of `RuleInfo.inputs` (booleans as 0 and 1).
    public var ruleInputs: [BigInt]

    public init(
        thisAddress: BigInt, initialBalance: BigInt, constructor: Invocation, transactions: [Transaction],
        finalForcedEther: BigInt = 0, ruleInputs: [BigInt] = [], deploymentTimestamp: BigInt? = nil,
        deploymentBlockNumber: BigInt? = nil, chainID: BigInt? = nil
    ) {
        self.chainID = chainID
        self.deploymentTimestamp = deploymentTimestamp
        self.deploymentBlockNumber = deploymentBlockNumber
        self.thisAddress = thisAddress
        self.initialBalance = initialBalance
        self.constructor = constructor
        self.transactions = transactions
        self.finalForcedEther = finalForcedEther
        self.ruleInputs = ruleInputs
    }
}

/// One top-level transaction, preceded by ether forced into the contract.
public struct Transaction: Sendable, Hashable, Codable {
    /// Ether forced in (by `selfdestruct` or a coinbase reward) just before the transaction.
    public var forcedEther: BigInt
    public var timestamp: BigInt
    public var blockNumber: BigInt
    public var call: Invocation
    /// True for a call made by a rule (as opposed to the transactions that reach its starting state).
    public var isRuleCall: Bool

    public init(
        forcedEther: BigInt, timestamp: BigInt, blockNumber: BigInt, call: Invocation, isRuleCall: Bool = false
    ) {
        self.forcedEther = forcedEther
        self.timestamp = timestamp
        self.blockNumber = blockNumber
        self.call = call
        self.isRuleCall = isRuleCall
    }
}

/// A call of one of the contract's entry points: by a transaction or re-entrant during a handover.
public struct Invocation: Sendable, Hashable, Codable {
    /// The function's name, or `constructor`, `receive`, `fallback`.
    public var function: String
    /// Argument values in order (booleans as 0 and 1, addresses and enums as integers); a struct
    /// gives its fields in order, a fixed-size array its elements, a dynamic array its length and
    /// then that many elements.
    public var arguments: [BigInt]
    public var sender: BigInt
    public var value: BigInt
    /// What the outside world does at each external interaction of this call, in execution order.
    public var events: [ExternalEvent]

    public init(function: String, arguments: [BigInt], sender: BigInt, value: BigInt, events: [ExternalEvent]) {
        self.function = function
        self.arguments = arguments
        self.sender = sender
        self.value = value
        self.events = events
    }
}

/// The outside world's answer at one external interaction.
public enum ExternalEvent: Sendable, Hashable, Codable {
    /// Control was handed over (`.call` or a non-`view` interface call).
    case handover(Handover)
    /// A `transfer` or `send`: whether the recipient accepted the ether.
    case etherSent(success: Bool)
    /// A `view` interface call returned this value: one number for an elementary type; for a
    /// struct, an array or several values, their numbers in the order of `Invocation.arguments`.
    case viewCall(returned: [BigInt])
    /// `a.balance` of another account read this value.
    case otherBalance(BigInt)
    /// `a.code.length` read this value (the same for an address throughout a run).
    case codeSize(BigInt)
    /// A call a `try` with `catch Error(...)` or `catch Panic(...)` clauses runs failed with this
    /// data (after its `handover`, or the `viewCall` saying it failed).
    case callFailure(CallFailure)
    /// A `delegatecall` to the contract itself ran this entry point (with the caller's sender
    /// and value, no ether arriving), or nil: no function matched the data, and it failed.
    case selfDelegateCall(Invocation?)
}

/// What a failed call's data is, as a `try`'s `catch` clauses tell it apart.
public enum CallFailure: Sendable, Hashable, Codable {
    /// `Error(string)`: the reason's numbers (length, then bytes) when the engines model bytes
    /// contents, empty otherwise.
    case error(reason: [BigInt])
    /// `Panic(uint256)` with this code.
    case panic(code: BigInt)
    /// Any other data (or none).
    case other
}

/// What happened while an external account held control.
public struct Handover: Sendable, Hashable, Codable {
    /// Ether forced into the contract during the handover, before the re-entrant calls.
    public var forcedEther: BigInt
    /// The environment's calls back into the contract, in order.
    public var calls: [Invocation]
    /// For `.call`: the returned bool. For an interface call: false means it reverted.
    public var success: Bool
    /// For an interface function with a return value (and a creation's new address): the value
    /// returned, as `ExternalEvent.viewCall` gives one.
    public var returned: [BigInt]?

    public init(forcedEther: BigInt, calls: [Invocation], success: Bool, returned: [BigInt]?) {
        self.forcedEther = forcedEther
        self.calls = calls
        self.success = success
        self.returned = returned
    }
}
