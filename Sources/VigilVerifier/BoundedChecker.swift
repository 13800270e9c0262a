import BigInt
import SMT
import VigilBasics
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace

/// Bounded model checking: one solver per encoding, deepened one transaction at a time, so
/// the shortest counterexample comes first and no depth is solved twice. Every `violated`
/// is replayed by the interpreter before it is reported.
public struct BoundedChecker: Sendable {
    public let solverFactory: any SolverFactory
    public let options: CheckOptions
    /// Called before each depth of each encoding (for a progress display); nil by default.
    public var progress: (@Sendable (CheckProgress) -> Void)?

    public init(solverFactory: any SolverFactory, options: CheckOptions) {
        self.solverFactory = solverFactory
        self.options = options
    }

    /// A property waiting for its verdict.
    struct Pending {
        let reference: PropertyReference
        let range: SourceRange
        let invariant: InvariantInfo?
    }

    /// One encoding to run: the entry points transactions may pick, how deep, and the properties it decides.
    struct Job {
        let entryFilter: Set<String>?
        let depth: Int
        let properties: [Pending]
        /// One call of a `pure` function: what it decides holds in every state (`certifyPure`).
        var isPureCall = false
    }

    /// Checks every property of `contract`; results in source order of the properties.
    public func check(model: SemanticModel, contract: ContractInfo) -> [PropertyResult] {
        checkWithStatistics(model: model, contract: contract).results
    }

    /// Checks every property of `contract`, says where the time went, and gives the sanity
    /// warnings that concern no single property (a function that reverts on every input).
    public func checkWithStatistics(model: SemanticModel, contract: ContractInfo) -> (
        results: [PropertyResult], statistics: CheckStatistics, warnings: [Diagnostic]
    ) {
        let run = ContractRun(checker: self, model: model, contract: contract)
        let results = run.collect()
        var statistics = run.statistics
        statistics.totalSeconds = (run.clock.now - run.started).seconds
        return (results, statistics, run.warnings)
    }

    /// Every selected property of `contract` (rules once per result), `unknown` as an internal
    /// error, `why`: the results of a check that could not run to its end.
    public func unknownResults(model: SemanticModel, contract: ContractInfo, internalError why: String)
        -> [PropertyResult]
    {
        let run = ContractRun(checker: self, model: model, contract: contract)
        let everything = run.selectedProperties() + run.pendingRules().map(\.pending)
        for p in everything { run.finish(p, .unknown, reason: .internalError(why), trace: nil, depth: 0) }
        return everything.compactMap { run.results[$0.reference.name] }
    }
}

/// The checking of one contract: its jobs and the results they produce.
final class ContractRun {
    let checker: BoundedChecker
    let model: SemanticModel
    let contract: ContractInfo
    let interpreter: Interpreter
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var results: [String: PropertyResult] = [:]
    var preferences = 0
    var statistics = CheckStatistics()
    /// Sanity warnings not tied to one property (a function that always reverts).
    var warnings: [Diagnostic] = []
    /// True once an encoding of every state-changing entry point looked for functions that always revert.
    var livenessChecked = false
    /// With `--engine auto`: what the unbounded engine, running beside this one, has proved.
    var race: EngineRace?
    /// Asserts, ensures and rules whose asserts no execution within the bounds reaches: a proof of one is vacuous.
    var unreached: Set<String> = []

    init(checker: BoundedChecker, model: SemanticModel, contract: ContractInfo) {
        self.checker = checker
        self.model = model
        self.contract = contract
        interpreter = Interpreter(model: model, contract: contract)
        started = clock.now
    }

    var bounds: Bounds { checker.options.bounds }

    /// Without array extensionality Z3 decides these queries far faster (measured on the
    /// examples, docs/BENCHMARKS.md). Fewer axioms keep every `unsat` sound; a model that
    /// only the missing axioms would rule out is caught by the replay and becomes `unknown`.
    static let solverParameters: [String: SolverParameterValue] = ["array.extensional": .bool(false)]

    /// Each query is asked first with Z3's simplex-based arithmetic solver (`arith.solver=2`), which
    /// decides the linear queries of most contracts several times faster than the default one, and,
    /// when that runs out of budget (as on division by a variable), with the default solver
    /// (docs/BENCHMARKS.md).
    static let firstSolverParameters = solverParameters.merging(["arith.solver": .uint(2)]) { $1 }

    /// The contract's selected invariants, asserts and ensures, in that order.
    func selectedProperties() -> [BoundedChecker.Pending] {
        var all: [BoundedChecker.Pending] = contract.invariants.map {
            .init(reference: PropertyReference(kind: .invariant, name: $0.name), range: $0.range, invariant: $0)
        }
        let checks = checker.options.checks
        all += contract.asserts.filter { checks.contains(CodeCheck($0)) }.map {
            .init(
                reference: PropertyReference(kind: CodeCheck($0).propertyKind, name: $0.name), range: $0.range,
                invariant: nil)
        }
        all += contract.ensures.map {
            .init(reference: PropertyReference(kind: .ensures, name: $0.name), range: $0.range, invariant: nil)
        }
        let selection = checker.options.selection
        return all.filter { selection.includes(contract: contract.name, property: $0.reference.name) }
    }

    func collect() -> [PropertyResult] {
        let all = selectedProperties()
        let rules = pendingRules()
        let ruleGoals = rules.map {
            ProofEngine.RuleGoal(name: $0.pending.reference.name, rule: $0.rule, function: $0.function)
        }
        let engine = ProofEngine(solverFactory: checker.solverFactory, options: checker.options)
        let references = all.map(\.reference)
        let everything = all + rules.map(\.pending)
        if checker.options.engine == .prove {
            let started = clock.now
            guard !everything.isEmpty else { return [] }
            let encoding = HornEncoding(model: model, contract: contract)
            let outcomes = engine.prove(encoding, contract: contract, properties: references, rules: ruleGoals)
            apply(outcomes, to: everything, rules: rules)
            // Alone, the unbounded engine's time is all waited for.
            statistics.proofSeconds += (clock.now - started).seconds
            statistics.proofWaitSeconds = statistics.proofSeconds
            lookForDerivedFailures(outcomes, all: all, rules: rules)
            retryWithoutViolated(engine, encoding, outcomes, all: all)
            let reachabilityStarted = clock.now
            confirmReachability(engine, encoding, everything, rules: rules, warnFunctions: true)
            statistics.proofSeconds += (clock.now - reachabilityStarted).seconds
            statistics.proofWaitSeconds = statistics.proofSeconds
            return everything.compactMap { results[$0.reference.name] }
        }
        var prover: ProverThread?
        if checker.options.engine == .auto, !everything.isEmpty {
            let race = EngineRace()
            self.race = race
            prover = ProverThread(
                engine: engine, model: model, contract: contract, properties: references, rules: ruleGoals, race: race)
        }
        for job in jobs(for: all) { run(job) }
        runRules(rules)
        // A proof changes only a bounded `holds`, `unknown`, `unsatisfiable` or `vacuous`.
        race?.finishBounded(
            cancelProver: !everything.contains {
                [.holds, .unknown, .unsatisfiable, .vacuous].contains(results[$0.reference.name]?.verdict)
            })
        if let prover {
            let started = clock.now
            apply(prover.outcomes(), to: everything, rules: rules)
            statistics.proofWaitSeconds += (clock.now - started).seconds
            statistics.proofSeconds += prover.seconds
            // A proof of what the bounded engine found unreached: vacuous only if none reaches it.
            let unsure = everything.filter {
                results[$0.reference.name]?.warnings.contains(Self.unreachedWithinBounds) == true
            }
            if !unsure.isEmpty {
                let asked = clock.now
                let encoding = HornEncoding(model: model, contract: contract)
                confirmReachability(engine, encoding, unsure, rules: rules, warnFunctions: false)
                statistics.proofSeconds += (clock.now - asked).seconds
            }
        }
        return everything.compactMap { results[$0.reference.name] }
    }

    /// The bounded engine's encodings for `properties`: one for those of state-changing code,
    /// and one for each read-only function's own (a pure function's depend on its arguments
    /// only, so one call of it decides them).
    private func jobs(for properties: [BoundedChecker.Pending]) -> [BoundedChecker.Job] {
        var jobs: [BoundedChecker.Job] = []
        var separate: Set<String> = []
        let writers = EntrySelection.stateChanging(contract)
        for (f, isPure) in EntrySelection.readOnlyEntryPoints(contract) {
            let names = EntrySelection.properties(of: f, in: contract)
            separate.formUnion(names)
            jobs.append(
                .init(
                    entryFilter: isPure ? [f.name] : writers.union([f.name]),
                    depth: isPure ? min(1, bounds.depth) : bounds.depth,
                    properties: properties.filter { names.contains($0.reference.name) }, isPureCall: isPure))
        }
        let main = properties.filter { !separate.contains($0.reference.name) }
        if !main.isEmpty { jobs.insert(.init(entryFilter: nil, depth: bounds.depth, properties: main), at: 0) }
        return jobs
    }

    /// With `--engine prove`: a failure the unbounded engine derives is a finding only with a
    /// trace, so the bounded engine looks for one (a replayed counterexample makes it
    /// `violated`); when it finds none within its bounds the result stays `unknown`. So does a
    /// property that failed only jointly with others (too many to try one by one), or in a
    /// contract no deployment of which succeeds (an assert may fail in the deployment): it may
    /// be violated, and then the trace says so.
    private func lookForDerivedFailures(
        _ outcomes: [String: ProofEngine.Outcome], all: [BoundedChecker.Pending], rules: [PendingRule]
    ) {
        let derived = Set(
            outcomes.compactMap { name, outcome -> String? in
                guard case .failed(let why) = outcome,
                    [.derived, .notProvedTogether, .constructorCannotSucceed].contains(why)
                else { return nil }
                return name
            })
        guard !derived.isEmpty else { return }
        for name in derived { results[name] = nil }
        for job in jobs(for: all.filter { derived.contains($0.reference.name) }) { run(job) }
        runRules(rules.filter { derived.contains($0.pending.reference.name) })
        for p in all + rules.map(\.pending) where derived.contains(p.reference.name) {
            let name = p.reference.name
            guard case .failed(let why)? = outcomes[name] else { continue }
            if results[name]?.verdict == .vacuous {
                settleVacuity(p, proof: outcomes[name]?.vacuityFact ?? .none, failure: why)
            } else if [.holds, .unsatisfiable].contains(results[name]?.verdict) {
                results[name]?.verdict = .unknown
                results[name]?.reason = Reason.failureBeyondBounds(why).description
            }
        }
    }

    /// With `--engine prove`: the properties that failed only jointly, once the bounded engine
    /// found some of them violated, are tried together again without those (as beside the
    /// bounded engine under `auto`); what that proves is `proved`.
    private func retryWithoutViolated(
        _ engine: ProofEngine, _ encoding: HornEncoding, _ outcomes: [String: ProofEngine.Outcome],
        all: [BoundedChecker.Pending]
    ) {
        let joint = all.filter {
            if case .failed(.notProvedTogether)? = outcomes[$0.reference.name] { true } else { false }
        }
        let rest = joint.filter { results[$0.reference.name]?.verdict != .violated }
        guard rest.count < joint.count, !rest.isEmpty else { return }
        let started = clock.now
        let again = engine.prove(encoding, contract: contract, properties: rest.map(\.reference), rules: [])
        for p in rest {
            guard case .proved(let certificate)? = again[p.reference.name] else { continue }
            finishProved(p, certificate: certificate, assumptions: unboundedAssumptions)
        }
        statistics.proofSeconds += (clock.now - started).seconds
        statistics.proofWaitSeconds = statistics.proofSeconds
    }

    /// The warning on a proof of an assert or ensures that the bounded engine found reached by
    /// no execution within its bounds, when the unbounded engine cannot show that none reaches it.
    static let unreachedWithinBounds =
        "no execution within the bounds reaches it: only longer executions may (raise --depth to see one)"

    /// With `--engine prove`: what the bounded engine's sanity checks say beside it. A proved
    /// assert or ensures that no execution from any reachable state reaches is `vacuous`, and a
    /// state-changing function that reverts on every input from every reachable state gets a
    /// warning; both only on a checked proof.
    private func confirmReachability(
        _ engine: ProofEngine, _ encoding: HornEncoding, _ all: [BoundedChecker.Pending], rules: [PendingRule],
        warnFunctions: Bool
    ) {
        let proved = all.filter { $0.invariant == nil && results[$0.reference.name]?.verdict == .proved }
        let provedNames = Set(proved.map(\.reference.name))
        let ruleGoals = rules.filter { !$0.rule.isSatisfy && provedNames.contains($0.pending.reference.name) }.map {
            ProofEngine.RuleGoal(name: $0.pending.reference.name, rule: $0.rule, function: $0.function)
        }
        let ruleNames = Set(ruleGoals.map(\.name))
        let found = engine.reachability(
            encoding, properties: proved.map(\.reference.name).filter { !ruleNames.contains($0) }, rules: ruleGoals,
            functions: warnFunctions)
        for p in proved where found.unreached.contains(p.reference.name) {
            settleVacuity(p, proof: .proved, provedUnreached: true)
        }
        warnings += found.alwaysReverting.map { f in
            .warning(
                "check.always-reverts", "'\(f.name)' reverts on every input from every reachable state (proved)",
                at: f.decl.name.range)
        }
    }

    var baseAssumptions: [String] {
        let b = bounds
        return [
            "bounds: depth \(b.depth), reentrancy \(b.reentrancy), reentrant calls \(b.reentrantCalls), loops \(b.loops)"
        ] + argumentAssumptions + trustedAssumptions + abstractionAssumptions
    }

    /// The bound on arrays given to a transaction, when one takes a dynamic array (the
    /// unbounded engine has none).
    var argumentAssumptions: [String] {
        func hasDynamicArray(_ t: SolType, _ depth: Int = 0) -> Bool {
            guard depth < 16, case .structType(let name) = model.layoutType(t) else { return false }
            if let array = model.array(t) { return array.size == nil || hasDynamicArray(array.element, depth + 1) }
            return (model.structs[name]?.fields ?? []).contains { hasDynamicArray($0.type, depth + 1) }
        }
        let functions = contract.entryPoints + [contract.constructor].compactMap { $0 }
        var bounded: [String] = []
        if functions.contains(where: { $0.parameterTypes.contains { hasDynamicArray($0) } }) {
            bounded.append("bounds: an array given to a call holds at most \(bounds.loops) elements (--loops)")
        }
        if model.bytesContents {
            bounded.append(
                "bounds: bytes and strings the environment chooses (arguments, msg.data, returned data) hold at most "
                    + "\(max(bounds.loops, 64)) bytes")
        }
        return bounded
    }

    /// `abstracted: inline assembly at Math.sol:12` (or `contract creation at ...`) for each piece
    /// of the contract's code the engines over-approximate.
    var abstractionAssumptions: [String] {
        var seen: Set<String> = []
        return contract.abstractions.map { "abstracted: \($0.kind.rawValue) at \(model.sources.briefly($0.range))" }
            .filter { seen.insert($0).inserted }
    }

    /// `trusted: owner` for each `trusted` address: no re-entrant call comes from it.
    var trustedAssumptions: [String] {
        contract.trusted.map { "trusted: \(model.sources[$0.range.file].text(of: $0.range))" }
    }

    /// What a proof by the unbounded engine rests on instead of bounds.
    var unboundedAssumptions: [String] {
        ["unbounded: every transaction sequence, re-entry of any depth"] + trustedAssumptions
            + abstractionAssumptions
    }

    func elapsed() -> Int {
        Int(((clock.now - started).seconds * 1000).rounded())
    }

    func finish(
        _ p: BoundedChecker.Pending, _ verdict: Verdict, reason: Reason?, trace: Trace?, depth: Int,
        extra: [String] = [], warnings: [String] = []
    ) {
        results[p.reference.name] = PropertyResult(
            contract: contract.name, property: p.reference, verdict: verdict, range: p.range, bounds: bounds,
            assumptions: baseAssumptions + extra, reason: reason?.description, trace: trace,
            timeMilliseconds: elapsed(),
            depthReached: depth, warnings: warnings)
        // No proof changes these: the prover need not work on them any more. (A bounded `vacuous`
        // is not settled: a proof, or a failure derived beyond the bounds, changes it.)
        if [.violated, .satisfied].contains(verdict) { race?.publishSettled(p.reference.name) }
    }

    /// Takes the unbounded engine's answers: a checked proof makes a property or rule `proved`
    /// where the bounded engine found it `holds` or `unknown` within its bounds, and a
    /// satisfy-rule `unsatisfiable` for good; a proof of what no execution within the bounds
    /// reaches is `vacuous`, and a proof of what the bounded engine found violated (or satisfied)
    /// is an internal error. Without a proof the bounded result stands, or with `--engine prove`
    /// the result is `unknown` with the reason.
    private func apply(
        _ outcomes: [String: ProofEngine.Outcome], to properties: [BoundedChecker.Pending], rules: [PendingRule]
    ) {
        let satisfyRules = Set(rules.filter(\.rule.isSatisfy).map(\.pending.reference.name))
        for p in properties {
            let name = p.reference.name
            switch outcomes[name] {
            case .proved(let certificate)?:
                switch results[name]?.verdict {
                case .violated?, .satisfied?:
                    let witness = results[name]?.verdict == .satisfied
                    results[name]?.verdict = .unknown
                    results[name]?.reason = Reason.enginesDisagree(witness: witness).description
                case .vacuous? where !unreached.contains(name):
                    // Vacuous for another reason: the deployment always reverts, or a rule's
                    // assumptions admit nothing.
                    break
                case _ where satisfyRules.contains(name):
                    // Nothing satisfies it from any reachable state: unsatisfiable for good.
                    finishProved(p, certificate: certificate, assumptions: unboundedAssumptions)
                    results[name]?.verdict = .unsatisfiable
                    results[name]?.reason = Reason.unsatisfiableProved.description
                case _ where unreached.contains(name) && p.invariant == nil:
                    // Reached only by longer executions, or by none (`confirmReachability` asks).
                    settleVacuity(p, proof: .proved, certificate: certificate)
                default:
                    // No bounds; re-entrant calls come from any address but the `trusted` ones.
                    finishProved(p, certificate: certificate, assumptions: unboundedAssumptions)
                }
            case .failed(.derived)? where unreached.contains(name) && results[name]?.verdict == .vacuous:
                settleVacuity(p, proof: .derivedFailure)
            case .failed(let why)?:
                if results[name] == nil { finish(p, .unknown, reason: .unbounded(why), trace: nil, depth: 0) }
            case .unreachable?:
                // Alone, the unbounded engine still says when a rule checks nothing at all.
                guard results[name] == nil else { break }
                let satisfy = satisfyRules.contains(name)
                finish(
                    p, satisfy ? .unsatisfiable : .vacuous, reason: .ruleAdmitsNone(satisfy: satisfy, anyState: true),
                    trace: nil, depth: 0)
            case nil:
                break
            }
        }
    }

    /// A fresh solver with the run's budgets; a `stoppable` one stops when the race proves the
    /// property it is checking.
    func makeSolver(stoppable: Bool = false) throws -> TimedSolver {
        let options = checker.options
        let factory = checker.solverFactory
        func solverOptions(_ parameters: [String: SolverParameterValue]) -> SolverOptions {
            SolverOptions(
                rlimit: options.rlimit, wallClockMilliseconds: options.timeoutMilliseconds,
                parameters: parameters, stop: stoppable ? race?.boundedStop : nil)
        }
        return try TimedSolver {
            FallbackSolver(first: try factory.makeSolver(options: solverOptions(Self.firstSolverParameters))) {
                try factory.makeSolver(options: solverOptions(Self.solverParameters))
            }
        }
    }

    /// Adds what a solver spent to the statistics.
    func account(_ solver: TimedSolver) {
        statistics.solverSeconds += solver.seconds
        statistics.queries += solver.queries
        statistics.resourceUsage += solver.resourceUsage
    }

    // MARK: - One encoding

    private func run(_ job: BoundedChecker.Job) {
        var pending = job.properties
        // Every property still pending is proved beside this engine: no more queries on `solver`.
        var stopped = false
        // A property ran out of budget: a proof may still come, so its reachability still counts.
        var unknownSeen = false
        // For a pure function's call: every constraint given to `solver`, and each property's
        // violation at the call, for the certificate.
        var asserted: [Term] = []
        var violations: [String: Term] = [:]
        // For each invariant, the loops judging it ran past their bound in.
        var propertyCuts: [String: [LoopCut]] = [:]
        do {
            let solver = try makeSolver(stoppable: true)
            defer { account(solver) }
            let encoding = ContractEncoding(
                model: model, contract: contract, bounds: bounds, entryFilter: job.entryFilter)
            let noCut = Term.constant("no-loop-cut", .bool)
            var cutsAsserted = 0
            var literals = 0
            let watchesFunctions = job.entryFilter == nil && !livenessChecked
            livenessChecked = livenessChecked || watchesFunctions
            let sanity = SanityChecks(
                solver: try makeSolver(),
                names: Set(job.properties.filter { $0.invariant == nil }.map(\.reference.name)),
                functions: watchesFunctions ? encoding.entryPoints : [])
            defer { account(sanity.spent) }
            // The depths visited and the sanity queries asked do not depend on when proofs arrive.
            for depth in 0...job.depth
            where (!pending.isEmpty && !stopped) || ((stopped || unknownSeen) && sanity.needsMore) {
                checker.progress?(
                    CheckProgress(
                        contract: contract.name, properties: pending.map(\.reference.name), depth: depth,
                        maximumDepth: job.depth))
                if depth == 0 { encoding.encodeDeployment() } else { encoding.encodeTransaction() }
                var step = encoding.takeConstraints()
                step += encoding.loopCuts.dropFirst(cutsAsserted).map { Term.implies(noCut, Term.not($0.condition)) }
                cutsAsserted = encoding.loopCuts.count
                if !stopped { for c in step { try solver.assert(c) } }
                if job.isPureCall { asserted += step }
                try sanity.assert(step)
                // (Every query carries an assumption: Z3 then keeps its incremental core throughout.)
                try sanity.askCut(encoding.loopCuts)
                try sanity.askReached(encoding.stepReaches, assumptions: [noCut])
                try sanity.askSucceeded(encoding, assumptions: [noCut])
                var still: [BoundedChecker.Pending] = []
                for (index, p) in pending.enumerated() {
                    let violation: Term
                    // The loops judging an invariant ran past their bound in (its `view` calls).
                    var ownCuts: [LoopCut] = []
                    if let invariant = p.invariant {
                        (violation, ownCuts) = encoding.invariantViolation(invariant)
                        propertyCuts[p.reference.name, default: []] += ownCuts
                        // Only for this query: never to the sanity solver, stopped or not.
                        let definitions = encoding.takeConstraints()
                        if !stopped { for c in definitions { try solver.assert(c) } }
                        if job.isPureCall { asserted += definitions }
                    } else {
                        violation = encoding.stepViolations[p.reference.name] ?? .false
                    }
                    if job.isPureCall { violations[p.reference.name] = violation }
                    if violation.boolLiteralValue == false || stopped {
                        still.append(p)
                        continue
                    }
                    if let race, !race.startQuery(pending: (still + pending[index...]).map(\.reference.name)) {
                        stopped = true
                        still.append(p)
                        continue
                    }
                    literals += 1
                    let literal = Term.constant("check!\(literals)", .bool)
                    try solver.assert(Term.implies(literal, violation))
                    for cut in ownCuts {
                        try solver.assert(Term.implies(literal, Term.implies(noCut, Term.not(cut.condition))))
                    }
                    switch try solver.check(assumptions: [literal, noCut]) {
                    case .unsat:
                        // No execution of this depth violates it: a fact that later depths may use
                        // (unless it is quantified: a universal fact makes Z3's search incomplete;
                        // or it was judged with loops cut: the fact would hold on those paths only).
                        if !violation.containsQuantifier, ownCuts.isEmpty {
                            try solver.assert(Term.implies(noCut, Term.not(violation)))
                        }
                        still.append(p)
                    case .unknown(.stopped):
                        stopped = true
                        still.append(p)
                    case .unknown(let reason):
                        unknownSeen = true
                        finish(
                            p, .unknown, reason: .solverGaveUp(reason.description, depth: depth), trace: nil,
                            depth: depth)
                    case .sat:
                        let schedule = try simpleCounterexample(solver, encoding, assumptions: [literal, noCut]) {
                            try ScheduleExtractor(model: $0, encoding: encoding).schedule(depth: depth)
                        }
                        confirm(p, schedule, encoding: encoding, depth: depth)
                    }
                }
                pending = still
                // After the deployment's own asserts: a contract never deployed has no state.
                if depth == 0, !stopped, !pending.isEmpty,
                    try solver.check(assumptions: [noCut, encoding.deployed]) == .unsat
                {
                    let cut = try reachableLoopCut(solver, encoding)
                    for p in pending {
                        finish(
                            p, cut == nil ? .vacuous : .unknown, reason: cut ?? .constructorAlwaysReverts,
                            trace: nil, depth: 0)
                    }
                    return
                }
            }
            if watchesFunctions { warnings += sanity.alwaysReverting() }
            for p in job.properties where p.invariant == nil && !sanity.isReached(p.reference.name) {
                unreached.insert(p.reference.name)
            }
            guard !pending.isEmpty else { return }
            let sharedCut = stopped ? nil : try reachableLoopCut(solver, encoding)
            for p in pending {
                var cutReason = sharedCut
                if !stopped, cutReason == nil, let own = propertyCuts[p.reference.name] {
                    cutReason = try reachableLoopCut(solver, encoding, extra: own)
                }
                if let cutReason {
                    finish(p, .unknown, reason: cutReason, trace: nil, depth: job.depth, extra: ["loop cut"])
                } else if p.invariant == nil, !sanity.isReached(p.reference.name) {
                    settleVacuity(p, proof: .none, depth: job.depth)
                } else if job.isPureCall, job.depth == 1, checker.options.engine == .auto,
                    let violation = violations[p.reference.name],
                    try certifyPure(asserted, violation, cuts: encoding.loopCuts.map(\.condition))
                {
                    finishProved(
                        p, certificate: "true",
                        assumptions: [
                            "unbounded: a pure function, every argument checked (it reads no state and cannot re-enter)"
                        ]
                    )
                } else {
                    finish(p, .holds, reason: nil, trace: nil, depth: job.depth)
                }
            }
        } catch {
            for p in pending where results[p.reference.name] == nil {
                finish(p, .unknown, reason: .solverError("\(error)"), trace: nil, depth: 0)
            }
        }
    }

    /// Whether one call of a `pure` function with any arguments cannot violate a property and
    /// never runs past the loop bound, checked again by a fresh solver on the same constraints.
    /// A pure function depends on its arguments alone, so this holds for every call in every
    /// state, re-entrant or not: the property is proved, with `true` as the invariant behind it.
    private func certifyPure(_ constraints: [Term], _ violation: Term, cuts: [Term]) throws -> Bool {
        let fresh = try makeSolver()
        defer { account(fresh) }
        for c in constraints { try fresh.assert(c) }
        let bad = Term.constant("pure-violation", .bool)
        try fresh.assert(Term.implies(bad, Term.or([violation] + cuts)))
        return try fresh.check(assumptions: [bad]) == .unsat
    }

    /// `proved`, with the invariant behind it and the assumptions it rests on instead of bounds.
    /// The sanity warnings found on the way stay.
    private func finishProved(_ p: BoundedChecker.Pending, certificate: String, assumptions: [String]) {
        finish(p, .proved, reason: nil, trace: nil, depth: 0, warnings: results[p.reference.name]?.warnings ?? [])
        results[p.reference.name]?.assumptions = assumptions
        results[p.reference.name]?.certificate = certificate
    }

    /// Decides `p`'s vacuity from what the engines found (`Vacuity.decide`, the one place that
    /// does) and finishes it accordingly: `unreachedWithinBounds` unless the bounded engine says
    /// otherwise; `certificate` for a proof, `failure` for a failure. The warnings found on the way stay.
    private func settleVacuity(
        _ p: BoundedChecker.Pending, proof: Vacuity.Proof, provedUnreached: Bool = false, certificate: String = "true",
        failure: ProofFailure = .derived, depth: Int? = nil
    ) {
        let name = p.reference.name
        let decision = Vacuity.decide(
            unreachedWithinBounds: p.invariant == nil && (unreached.contains(name) || depth != nil), proof: proof,
            provedUnreached: provedUnreached, engine: checker.options.engine)
        let warnings = (results[name]?.warnings ?? []).filter { $0 != Self.unreachedWithinBounds }
        let reached = depth ?? results[name]?.depthReached ?? 0
        switch decision {
        case .vacuous(let proved):
            let assumptions = results[name]?.assumptions
            finish(
                p, .vacuous, reason: .unreached(p.reference.kind, proved: proved), trace: nil, depth: reached,
                warnings: warnings)
            if proved, let assumptions { results[name]?.assumptions = assumptions }
        case .provedUnreachedWithinBounds:
            finishProved(p, certificate: certificate, assumptions: unboundedAssumptions)
            results[name]?.warnings = warnings + [Self.unreachedWithinBounds]
        case .failureBeyondBounds:
            finish(p, .unknown, reason: .failureBeyondBounds(failure), trace: nil, depth: reached, warnings: warnings)
        case .notVacuous:
            break
        }
    }

    /// The schedule of the counterexample just found (`solver`'s last check was `sat`), re-solved
    /// to read well when possible: fewer and fewer re-entrant calls, until no fewer will do, each
    /// asked with the most readable preferences that give a model at the first step: small ether
    /// amounts and integer arguments (at most 1000) and no forced ether, else small amounts alone,
    /// else none. When the calls came without small amounts, small amounts are asked last. Each step
    /// starts from the number of calls of the last model, so only its last query is `unsat`. The
    /// trace found already stands, so each of these queries gets a tenth of the budget.
    func simpleCounterexample(
        _ solver: any Solver, _ encoding: ContractEncoding, assumptions: [Term],
        extract: (any Model) throws -> Schedule
    ) throws -> Schedule {
        var model = try solver.model()
        var schedule = try extract(model)
        preferences += 1
        let small = Term.constant("prefer-small!\(preferences)", .bool)
        try solver.assert(
            Term.implies(small, Term.and(encoding.amountChoices.map { Term.le($0, .int(1000)) })))
        let unforced = Term.constant("prefer-unforced!\(preferences)", .bool)
        try solver.assert(
            Term.implies(unforced, Term.and(encoding.forcedEtherChoices.map { Term.eq($0, .int(0)) })))
        let calls = Term.add(encoding.reentryChoices.map { Term.ite($0, .int(1), .int(0)) })
        var bounded: [Int: Term] = [:]
        func atMost(_ n: Int) throws -> Term {
            if let few = bounded[n] { return few }
            let few = Term.constant("prefer-calls-\(n)!\(preferences)", .bool)
            try solver.assert(Term.implies(few, Term.le(calls, .int(n))))
            bounded[n] = few
            return few
        }
        func callCount(_ model: any Model) throws -> Int {
            guard case .int(let n) = try model.evaluate(calls) else { return 0 }
            return Int(n)
        }
        let budget = checker.options.rlimit(share: 10)
        let readable: [[Term]] = [[small, unforced], [small]]
        let wanted = readable + [[]]
        var level = 0
        var improved = false
        var fewest = try callCount(model)
        while fewest > 0 {
            let fewer = try atMost(fewest - 1)
            if try solver.check(assumptions: assumptions + [fewer] + wanted[level], rlimit: budget) == .sat {
                improved = true
                model = try solver.model()
                schedule = try extract(model)
                fewest = try callCount(model)
            } else if improved || level == wanted.count - 1 {
                break
            } else {
                level += 1
            }
        }
        if improved, level < readable.count { return schedule }
        let few = try atMost(fewest)
        for extra in readable where try solver.check(assumptions: assumptions + [few] + extra, rlimit: budget) == .sat {
            return try extract(try solver.model())
        }
        return schedule
    }

    /// Replays a schedule; only a replayed violation is reported as `violated`.
    private func confirm(
        _ p: BoundedChecker.Pending, _ schedule: Schedule, encoding: ContractEncoding, depth: Int
    ) {
        let start = clock.now
        let replay = interpreter.replay(schedule, property: p.reference)
        statistics.replaySeconds += (clock.now - start).seconds
        switch replay {
        case .violated(let trace):
            finish(p, .violated, reason: nil, trace: trace, depth: depth)
            results[p.reference.name]?.schedule = schedule
        case .notViolated:
            finish(
                p, .unknown, reason: .notConfirmed(witness: false, abstraction: encoding.usesAbstraction), trace: nil,
                depth: depth)
        case .mismatch(let why):
            // An over-approximated value (a hash, an encoding) may send the real run elsewhere.
            let reason: Reason =
                encoding.usesAbstraction
                ? .notConfirmed(witness: false, abstraction: true) : .replayMismatch(why, rule: false)
            finish(p, .unknown, reason: reason, trace: nil, depth: depth)
        case .unconfirmable(let why):
            finish(p, .unknown, reason: .unconfirmable(why), trace: nil, depth: depth)
        }
    }

    /// Whether a path that needs more loop iterations than the bound is reachable; the reason if so.
    /// `extra`: the cuts of one query alone (a rule's steps, an invariant's `view` calls), which
    /// count only under `assumptions` (the literal that selects a rule's encoding).
    func reachableLoopCut(
        _ solver: any Solver, _ encoding: ContractEncoding, assumptions: [Term] = [], extra: [LoopCut] = []
    ) throws -> Reason? {
        let cuts = encoding.loopCuts + extra
        guard !cuts.isEmpty else { return nil }
        preferences += 1
        let anyCut = Term.constant("any-loop-cut!\(preferences)", .bool)
        try solver.assert(Term.implies(anyCut, Term.or(cuts.map(\.condition))))
        let answer = try solver.check(assumptions: assumptions + [anyCut])
        guard answer != .unsat else { return nil }
        // Named: the loops the path found runs past (all of them when the answer was `unknown`).
        var reached = cuts
        if answer == .sat, let found = try? solver.model() {
            let past = cuts.filter { (try? found.evaluate($0.condition)) == .bool(true) }
            if !past.isEmpty { reached = past }
        }
        return .loopCut(loops: Set(reached.map { model.sources.describe($0.loop) }).sorted(), bound: bounds.loops)
    }
}
