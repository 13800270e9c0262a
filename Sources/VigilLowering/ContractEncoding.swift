import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

/// The bounded encoding of one contract: the deployment, then one transaction at a time.
/// After each step, `takeConstraints()` gives what the solver must assert, and the
/// violation conditions of the step's properties are available.
public final class ContractEncoding {
    let executor: SymbolicExecutor
    public let contract: ContractInfo
    public let bounds: Bounds

    /// The choices of the constructor (index 0) and of each transaction after it.
    public private(set) var transactions: [TransactionRecord] = []
    /// Ether held before the constructor.
    public let initialBalance: Term
    /// True when the deployment succeeds. It is a constraint from the first transaction on; in
    /// the deployment's own step only what needs a deployed contract assumes it (an invariant, a
    /// rule's start), so an assert that fails during the deployment, reverting it, is still found.
    public let deployed: Term
    /// The contract's own address.
    public var thisAddress: Term { executor.thisAddress }
    /// `block.chainid`, when the contract reads it.
    public var chainID: Term? { contract.environmentReads.contains(.chainID) ? executor.chainID : nil }
    /// Ether forced in after the last encoded transaction (part of the current committed state).
    public private(set) var pendingForcedEther: Term = .int(0)
    /// Violation conditions of `assert@…` and `ensures@…` properties in the last encoded step.
    public private(set) var stepViolations: [String: Term] = [:]
    /// Where the last encoded step reaches each `assert@…` (or returns from a function with an `ensures@…`).
    public private(set) var stepReaches: [String: Term] = [:]
    /// Loops whose unrolling bound was reached on some path.
    public var loopCuts: [LoopCut] { executor.loopCuts }
    /// At each call that hands over control, how many entry points the re-entrant calls may return from.
    public var handoverCandidates: [SourceRange: HandoverCandidates] { executor.handoverCandidates }
    /// True when some operation was over-approximated.
    public var usesAbstraction: Bool { executor.usedAbstraction }
    /// True once the transactions encoded so far hand control to an external account.
    public var handsOverControl: Bool { executor.handedOver }
    /// Ether amounts and integer arguments chosen by the environment.
    public var amountChoices: [Term] { executor.amountChoices }
    /// Whether each handover slot makes its re-entrant call.
    public var reentryChoices: [Term] { executor.reentryChoices }
    /// Ether forced in by the environment before transactions and during handovers.
    public var forcedEtherChoices: [Term] { executor.forcedEtherChoices }
    /// The entry points a transaction may pick, in selector order.
    public var entryPoints: [FunctionInfo] { executor.entryPoints }

    /// The block of the last encoded step: later blocks are never earlier.
    var lastTimestamp: Term = .int(0)
    var lastBlockNumber: Term = .int(0)

    /// The encoding of `contract`; `entryFilter` restricts the entry points transactions may pick.
    public init(model: SemanticModel, contract: ContractInfo, bounds: Bounds, entryFilter: Set<String>? = nil) {
        executor = SymbolicExecutor(model: model, contract: contract, bounds: bounds, entryFilter: entryFilter)
        self.contract = contract
        self.bounds = bounds
        initialBalance = executor.freshValue("initial.balance", .uint(256))
        deployed = executor.fresh("deployed", .bool)
        executor.amountChoices.append(initialBalance)
        executor.forcedEtherChoices.append(initialBalance)
        executor.constraints.append(Term.le(initialBalance, .int(balanceCap)))
    }

    /// Constraints produced since the last call.
    public func takeConstraints() -> [Term] {
        defer { executor.constraints = [] }
        return executor.constraints
    }

    /// Encodes the deployment: initialisers and the constructor, which cannot be re-entered and must succeed.
    public func encodeDeployment() {
        let x = executor
        x.state.balance = initialBalance
        let sender = x.freshSender("deployer")
        let timestamp = x.freshValue("deploy.time", .uint(256))
        let number = x.freshValue("deploy.block", .uint(256))
        lastTimestamp = timestamp
        lastBlockNumber = number
        let env = CallEnvironment(
            sender: sender, value: .int(0), origin: sender, timestamp: timestamp, blockNumber: number, level: -1)
        x.violations = [:]
        x.reaches = [:]
        x.pc = .true
        x.frameReverted = .false
        x.environment = env
        let record: FrameRecord
        if let ctor = contract.constructor {
            record = x.deploy(ctor, environment: env)
        } else {
            record = FrameRecord(
                function: FunctionInfo.implicitConstructor(of: contract), arguments: [], sender: sender, value: .int(0))
            x.record = record
            x.runInitializers()
        }
        x.constraints.append(Term.eq(deployed, Term.not(x.frameReverted)))
        transactions.append(
            TransactionRecord(
                forcedEther: .int(0), timestamp: timestamp, blockNumber: number, selector: .int(0),
                candidates: [record]))
        finishStep()
    }

    /// Encodes the next top-level transaction.
    public func encodeTransaction() {
        let x = executor
        x.violations = [:]
        x.reaches = [:]
        let k = transactions.count
        if k == 1 { x.constraints.append(deployed) }
        let timestamp = x.freshValue("tx\(k).time", .uint(256))
        let number = x.freshValue("tx\(k).block", .uint(256))
        x.constraints.append(Term.ge(timestamp, lastTimestamp))
        x.constraints.append(Term.ge(number, lastBlockNumber))
        lastTimestamp = timestamp
        lastBlockNumber = number
        let sender = x.freshSender("tx\(k).sender")
        let selector = x.fresh("tx\(k).fn", .int)
        x.constraints.append(Term.ge(selector, .int(0)))
        x.constraints.append(Term.lt(selector, .int(max(1, x.entryPoints.count))))
        let env = CallEnvironment(
            sender: sender, value: .int(0), origin: sender, timestamp: timestamp, blockNumber: number, level: 0)
        x.pc = .true
        x.frameReverted = .false
        x.environment = env
        let candidates = x.runEntryChoice(guardTerm: .true, selector: selector, environment: env)
        transactions.append(
            TransactionRecord(
                forcedEther: pendingForcedEther, timestamp: timestamp, blockNumber: number, selector: selector,
                candidates: candidates))
        finishStep()
    }

    /// Forced ether after the step, then the step's violations.
    private func finishStep() {
        let x = executor
        x.pc = .true
        pendingForcedEther = x.freshValue("forced", .uint(256))
        x.amountChoices.append(pendingForcedEther)
        x.forcedEtherChoices.append(pendingForcedEther)
        x.addEther(pendingForcedEther)
        stepViolations = x.violations.mapValues { Term.or($0) }
        stepReaches = x.reaches.mapValues { Term.or($0) }
    }

    /// The condition under which the invariant is false in the current committed state, and
    /// the loops (in the `view` functions it calls) whose bound was reached judging it: those
    /// cuts concern this query alone, so they are not added to `loopCuts`.
    public func invariantViolation(_ invariant: InvariantInfo) -> (violation: Term, loopCuts: [LoopCut]) {
        let cuts = executor.loopCuts.count
        var violation = Term.not(executor.judgeProperty(invariant.expression))
        if transactions.count == 1 { violation = Term.and(deployed, violation) }
        return (violation, takeLoopCuts(since: cuts))
    }

    /// The loop cuts recorded since there were `count`, taken out of `loopCuts`.
    func takeLoopCuts(since count: Int) -> [LoopCut] {
        defer { executor.loopCuts.removeLast(executor.loopCuts.count - count) }
        return Array(executor.loopCuts[count...])
    }
}

extension SymbolicExecutor {
    /// Runs state initialisers in declaration order on the current path.
    func runInitializers() {
        for (i, v) in contract.stateVariables.enumerated() where !v.isConstant {
            if let initializer = v.initializer { writeState(i, [], eval(initializer)) }
        }
    }

    /// The constructor: initialisers, then its modifiers and body, with its arguments and value.
    func deploy(_ ctor: FunctionInfo, environment env: CallEnvironment) -> FrameRecord {
        let value = ctor.isPayable ? freshValue("constructor.value", .uint(256)) : Term.int(0)
        environment.value = value
        let args = zip(ctor.decl.parameters, ctor.parameterTypes).map { p, t in
            freshArgument("constructor.\(p.name?.name ?? "arg")", t)
        }
        amountChoices += zip(args, ctor.parameterTypes).filter { $0.1.isInteger }.compactMap { $0.0.0.term }
        let frame = FrameRecord(function: ctor, arguments: args.map(\.1), sender: env.sender, value: value)
        record = frame
        addEther(value)
        runInitializers()
        locals = [:]
        for (p, a) in zip(ctor.decl.parameters, args) { locals[p.id] = .value(a.0) }
        _ = runCall { runFunctionBody(ctor) }
        return frame
    }
}

extension FunctionInfo {
    /// The constructor a contract without one has: it only runs the initialisers.
    static func implicitConstructor(of contract: ContractInfo) -> FunctionInfo {
        let r = contract.decl.range
        let decl = FunctionDecl(
            id: NodeID(-1), kind: .constructor, name: Identifier("constructor", r), parameters: [], visibility: .public,
            mutability: .nonpayable, modifiers: [], returns: [], ensures: [], body: nil, range: r)
        return FunctionInfo(
            name: "constructor", decl: decl, kind: .constructor, visibility: .public, mutability: .nonpayable,
            parameterTypes: [], returnType: nil)
    }
}
