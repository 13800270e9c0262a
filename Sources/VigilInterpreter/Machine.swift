import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

/// The mutable state of one replay: contract state, frames, the external calls being executed,
/// and what has been found about the property. One machine runs one schedule, once.
final class Machine {
    let model: SemanticModel
    let contract: ContractInfo
    let schedule: Schedule
    let property: PropertyReference
    let applyTrusted: Bool
    let zeros: ZeroValues

    // MARK: Execution state

    var state: ContractState
    var frames: [LocalFrame] = []
    /// The index in `frames` of the frame whose locals are in scope.
    var activeFrame = -1
    /// The external calls of the contract being executed, innermost last.
    var invocations: [InvocationContext] = []
    /// True while the constructor runs: nothing can re-enter.
    var inConstructor = false
    /// `a.code.length` as read so far: one value per address in a run.
    var codeSizes: [BigInt: BigInt] = [:]
    /// `bytes` and `string` arguments whose contents the engines do not model, chosen so far
    /// (`chosenContents`).
    var contentsChosen = 0
    /// The call a `try` is running: its failure is caught (`triedCallFailed`), not a revert.
    var tryCall: NodeID?
    var triedCallFailed = false
    /// Whether the running `try` has `catch Error(...)`/`catch Panic(...)` clauses: a failure of
    /// the callee then comes with a `callFailure` event, kept in `triedFailure` with the value its
    /// clause binds (the reason, the code).
    var tryClassifiesFailure = false
    var triedFailure: (data: CallFailure, value: Value)?
    /// How many `delegatecall`s to the contract itself are running (the engines model one
    /// exactly), and what the last delegated entry point returned.
    var delegationDepth = 0
    var delegatedReturn: Value?
    var origin: BigInt = 0
    var timestamp: BigInt = 0
    var blockNumber: BigInt = 0
    /// Statements and expressions evaluated so far.
    var stepCount = 0

    // MARK: Properties

    /// Set while a property expression (not code it calls) is evaluated.
    var propertyContext: PropertyContext?
    /// Above zero while a property, or code called from one, is evaluated.
    var propertyDepth = 0
    /// Expressions whose values are recorded as they are evaluated (the parts of the judged property).
    var recordedIDs: Set<NodeID> = []
    var recorded: [NodeID: Value] = [:]
    /// Set when an inexact quantifier result is produced inside a non-logical expression.
    var inexactQuantifierSeen = false
    /// The first violation of the judged property; once set, nothing more is judged.
    var violation: Violation?
    /// The judged assert calls, or arithmetic steps of a built-in check.
    let judgedAsserts: Set<NodeID>
    /// Which built-in check the judged property is, if it is one.
    let judgedBuiltIn: BuiltInCheck?
    /// The judged `ensures` clauses.
    let judgedEnsures: [EnsuresInfo]
    /// The judged invariant.
    let judgedInvariant: InvariantInfo?
    /// Values of the schedule that quantifiers try: arguments, senders, addresses, returned values.
    let scheduleCandidates: Set<BigInt>
    /// In a rule: whether its last `try call` reverted.
    var ruleReverted: Bool?

    init(
        model: SemanticModel, contract: ContractInfo, schedule: Schedule, property: PropertyReference,
        trusted: Bool
    ) {
        self.model = model
        self.contract = contract
        self.schedule = schedule
        self.property = property
        self.applyTrusted = trusted
        self.zeros = ZeroValues(structs: model.structs)
        self.state = ContractState(variables: [], balance: 0)
        let judged = property.kind.isCodeCheck ? contract.asserts.filter { $0.name == property.name } : []
        judgedAsserts = Set(judged.map(\.call))
        judgedBuiltIn = judged.first?.builtIn
        judgedEnsures = property.kind == .ensures ? contract.ensures.filter { $0.name == property.name } : []
        judgedInvariant = property.kind == .invariant ? contract.invariants.first { $0.name == property.name } : nil
        var candidates: Set<BigInt> = Set([schedule.thisAddress] + schedule.ruleInputs)
        Machine.collectCandidates(schedule.constructor, into: &candidates)
        for t in schedule.transactions { Machine.collectCandidates(t.call, into: &candidates) }
        scheduleCandidates = candidates
    }

    private static func collectCandidates(_ invocation: Invocation, into set: inout Set<BigInt>) {
        set.insert(invocation.sender)
        for a in invocation.arguments { set.insert(a) }
        for event in invocation.events {
            switch event {
            case .handover(let h):
                for r in h.returned ?? [] { set.insert(r) }
                for call in h.calls { collectCandidates(call, into: &set) }
            case .viewCall(let r):
                for v in r { set.insert(v) }
            case .otherBalance(let r), .codeSize(let r):
                set.insert(r)
            case .selfDelegateCall(let call?):
                collectCandidates(call, into: &set)
            case .etherSent, .callFailure, .selfDelegateCall(nil):
                break
            }
        }
    }

    // MARK: - Helpers

    /// Counts one unit of work; a replay that does too much is a mismatch, not a hang.
    func tick() throws(Interruption) {
        stepCount += 1
        if stepCount > ReplayLimits.steps { throw .mismatch("execution too long") }
    }

    /// The 1-based line where a range starts.
    func line(of range: SourceRange) -> Int {
        guard range.file.raw >= 0, range.file.raw < model.sources.files.count else { return 0 }
        return model.sources.start(of: range).line
    }

    /// The source text of a range.
    func text(of range: SourceRange) -> String {
        guard range.file.raw >= 0, range.file.raw < model.sources.files.count else { return "" }
        return model.sources[range.file].text(of: range)
    }

    func type(of e: Expr) -> SolType { model.types[e.id] ?? .void }

    var thisAddress: BigInt { schedule.thisAddress }

    /// The innermost external call of the contract; code that needs `msg` outside one is a mismatch.
    func currentInvocation(for what: String) throws(Interruption) -> InvocationContext {
        guard let context = invocations.last else {
            throw .mismatch("\(what) has no value outside a call of the contract")
        }
        return context
    }

    // MARK: - Locations

    func read(_ location: LValue) throws(Interruption) -> Value {
        switch location.root {
        case .state(let i):
            guard state.variables.indices.contains(i) else { throw .mismatch("internal: no state variable \(i)") }
            return try state.variables[i].read(location.steps[...], zeros: zeros)
        case .local(let f, let id):
            guard frames.indices.contains(f) else { throw .mismatch("internal: no frame \(f)") }
            let root = frames[f].values[id] ?? zeros.zero(of: model.variableTypes[id] ?? .void)
            return try root.read(location.steps[...], zeros: zeros)
        }
    }

    func write(_ location: LValue, _ value: Value) throws(Interruption) {
        switch location.root {
        case .state(let i):
            guard state.variables.indices.contains(i) else { throw .mismatch("internal: no state variable \(i)") }
            try state.variables[i].write(location.steps[...], value, zeros: zeros)
        case .local(let f, let id):
            guard frames.indices.contains(f) else { throw .mismatch("internal: no frame \(f)") }
            var root = frames[f].values[id] ?? zeros.zero(of: model.variableTypes[id] ?? .void)
            frames[f].values[id] = nil
            try root.write(location.steps[...], value, zeros: zeros)
            frames[f].values[id] = root
        }
    }

    /// Pushes a frame and makes it active; returns the previous state of the frame stack for `popFrame`.
    func pushFrame(_ frame: LocalFrame) -> (count: Int, active: Int) {
        let saved = (frames.count, activeFrame)
        frames.append(frame)
        activeFrame = frames.count - 1
        return saved
    }

    func popFrames(to saved: (count: Int, active: Int)) {
        if frames.count > saved.count { frames.removeSubrange(saved.count...) }
        activeFrame = saved.active
    }
}

/// What a property expression may refer to beyond code: `result`, `old(...)`.
struct PropertyContext {
    /// The value `result` denotes (ensures only).
    var result: Value?
    /// The state at the function's entry, for `old(...)` (ensures only).
    var entryState: ContractState?
}
