import BigInt
import SMT
import VigilBasics
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace

/// The bounded engine: each encoding on one incremental solver, deepened one transaction at a
/// time, so the shortest counterexample comes first and no depth is solved twice. Every
/// counterexample is replayed by the interpreter before it is `violated`.
extension ContractRun {
    /// What the bounded engine decides: a property (an invariant, an assert, an ensures) or one
    /// result of a rule. Both are asked at each depth of one deepening loop (`run`).
    enum Goal {
        case property(ModelChecker.Pending)
        case rule(PendingRule)

        var pending: ModelChecker.Pending {
            switch self {
            case .property(let p): p
            case .rule(let r): r.pending
            }
        }

        var name: String { pending.reference.name }

        /// Whether the sanity checks ask if something reaches it (an invariant is judged in every state).
        var hasReachability: Bool { pending.invariant == nil }
    }

    /// One encoding to run: the entry points transactions may pick, how deep, and the goals it decides.
    struct Job {
        let entryFilter: Set<String>?
        let depth: Int
        let goals: [Goal]
        /// One call of a `pure` function: what it decides holds in every state (`certifyPure`).
        var isPureCall = false
    }

    /// Without array extensionality Z3 decides these queries far faster (measured on the
    /// examples, docs/BENCHMARKS.md). Fewer axioms keep every `unsat` sound; a model that
    /// only the missing axioms would rule out is caught by the replay and becomes `unknown`.
    static let solverParameters: [String: SolverParameterValue] = ["array.extensional": .bool(false)]

    /// Each query is asked first with Z3's simplex-based arithmetic solver (`arith.solver=2`), which
    /// decides the linear queries of most contracts several times faster than the default one, and,
    /// when that runs out of budget (as on division by a variable), with the default solver
    /// (docs/BENCHMARKS.md).
    static let firstSolverParameters = solverParameters.merging(["arith.solver": .uint(2)]) { $1 }

    /// The bounded engine on `properties` and `rules`.
    func runBounded(_ properties: [ModelChecker.Pending], rules: [PendingRule]) {
        var rules = rules
        do {
            try markImpossibleFromAnyState(&rules)
        } catch {
            for r in rules { record(r.pending, .unknown(.solverError("\(error)")), depth: 0) }
            rules = []
        }
        for job in jobs(for: properties, rules: rules) { runStaged(job) }
    }

    /// Cheapest questions first: where the job's code hands over control, its goals are first
    /// searched for counterexamples with no re-entrant call, then with one (reentrancy 1, one
    /// call per handover), each over every depth, and only what neither finds goes to the
    /// encoding with the full bounds, which alone decides `holds`, `vacuous` or `unknown`. An
    /// attack that needs one re-entrant call costs the encoding of one, and the first
    /// counterexample is the most readable: fewest re-entrant calls, then fewest transactions.
    private func runStaged(_ job: Job) {
        var goals = job.goals
        var final = Stage(bounds: bounds, searchOnly: false)
        for stage in searchStages(job) where !goals.isEmpty {
            let pass = run(Job(entryFilter: job.entryFilter, depth: job.depth, goals: job.goals), stage, only: goals)
            goals = pass.left
            final.sanity = pass.sanity
            // Every goal left is proved beside this engine: only the sanity checks still count.
            if pass.stopped { break }
            final.searched = Searched(
                bounds: stage.bounds, goals: Set(goals.map(\.name)).subtracting(pass.incomplete))
        }
        run(
            Job(entryFilter: job.entryFilter, depth: job.depth, goals: job.goals, isPureCall: job.isPureCall), final,
            only: goals)
    }

    /// The searches before the full bounds: none when the job's code never hands over control
    /// (one transaction from an arbitrary state encoded, without solving, to see), or the
    /// bounds allow no re-entrant call.
    private func searchStages(_ job: Job) -> [Stage] {
        guard bounds.reentrancy > 0, bounds.reentrantCalls > 0, !job.isPureCall else { return [] }
        let probe = ContractEncoding(
            model: model, contract: contract, bounds: Bounds(depth: 1, reentrancy: 0, reentrantCalls: 0, loops: 1),
            entryFilter: job.entryFilter)
        // From an arbitrary state: no handover is hidden behind state the deployment leaves.
        probe.encodeArbitraryState()
        probe.encodeTransaction()
        guard probe.handsOverControl else { return [] }
        var cheap = bounds
        cheap.reentrancy = 0
        var stages = [Stage(bounds: cheap, searchOnly: true)]
        if bounds.reentrancy > 1 || bounds.reentrantCalls > 1 {
            cheap.reentrancy = 1
            cheap.reentrantCalls = 1
            stages.append(Stage(bounds: cheap, searchOnly: true))
        }
        return stages
    }

    /// The bounds one pass of the deepening loop encodes with, and whether it only searches for
    /// counterexamples (with bounds below the run's: what it does not find is left for the next).
    struct Stage {
        let bounds: Bounds
        let searchOnly: Bool
        /// Before the full bounds: the last search, and the goals it searched at every depth.
        var searched: Searched? = nil
        /// Before the full bounds: the last search's sanity checks, whose answers carry over.
        var sanity: SanityChecks? = nil
    }

    /// Smaller bounds searched at every depth for counterexamples to `goals`, in vain.
    struct Searched {
        let bounds: Bounds
        let goals: Set<String>
    }

    /// The bounded engine's encodings: one for the rules and the properties of state-changing
    /// code, and one for each read-only function's own properties (a pure function's depend on
    /// its arguments only, so one call of it decides them).
    private func jobs(for properties: [ModelChecker.Pending], rules: [PendingRule]) -> [Job] {
        var jobs: [Job] = []
        var separate: Set<String> = []
        let writers = EntrySelection.stateChanging(contract)
        for (f, isPure) in EntrySelection.readOnlyEntryPoints(contract) {
            let names = EntrySelection.properties(of: f, in: contract)
            separate.formUnion(names)
            let own = properties.filter { names.contains($0.reference.name) }
            jobs.append(
                .init(
                    entryFilter: isPure ? [f.name] : writers.union([f.name]),
                    depth: isPure ? min(1, bounds.depth) : bounds.depth, goals: own.map { .property($0) },
                    isPureCall: isPure))
        }
        let main =
            properties.filter { !separate.contains($0.reference.name) }.map { Goal.property($0) }
            + rules.map { .rule($0) }
        if !main.isEmpty { jobs.insert(.init(entryFilter: nil, depth: bounds.depth, goals: main), at: 0) }
        return jobs
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

    /// The one deepening loop: deploys, then adds one transaction at a time up to the job's
    /// depth, and after each asks every pending goal whether this depth violates it (a rule:
    /// whether it is violated, or satisfied, right after this many transactions). A `sat` answer
    /// becomes a schedule the interpreter replays; an `unsat` one carries on to the next depth.
    /// Beside the goals' queries, the sanity checks (on a solver of their own) ask what some
    /// execution reaches. The depths visited and the sanity queries asked do not depend on when
    /// proofs arrive from the unbounded engine.
    /// One pass of the loop over `job` with `stage`'s bounds, asking the goals `only` (the sanity
    /// checks ask about all of the job's).
    @discardableResult
    private func run(_ job: Job, _ stage: Stage, only goals: [Goal]) -> Pass {
        var pending = goals
        var stopped = false
        var sanityChecks: SanityChecks?
        do {
            let solver = try makeSolver(stoppable: true)
            defer { account(solver) }
            let encoding = ContractEncoding(
                model: model, contract: contract, bounds: stage.bounds, entryFilter: job.entryFilter)
            defer {
                for (site, counts) in encoding.handoverCandidates {
                    statistics.note(counts, at: model.sources.describe(site))
                }
            }
            let watchesFunctions = job.entryFilter == nil && !livenessChecked
            if !stage.searchOnly { livenessChecked = livenessChecked || watchesFunctions }
            let sanity = SanityChecks(
                solver: try makeSolver(), names: Set(job.goals.filter(\.hasReachability).map(\.name)),
                functions: watchesFunctions ? encoding.entryPoints : [], after: stage.sanity)
            sanityChecks = sanity
            defer { account(sanity.spent) }
            let query = GoalQuery(
                solver: solver, encoding: encoding, sanity: sanity, isPureCall: job.isPureCall, stage: stage)
            defer { stopped = query.stopped }
            // A search answers what sanity questions it can, cheaper than the full bounds would.
            for depth in 0...job.depth
            where (!pending.isEmpty && !query.stopped)
                || ((query.stopped || query.unknownSeen || stage.searchOnly) && sanity.needsMore)
            {
                checker.progress?(
                    CheckProgress(
                        contract: contract.name, properties: pending.map(\.name), depth: depth,
                        maximumDepth: job.depth, searching: stage.searchOnly ? stage.bounds : nil))
                if depth == 0 { encoding.encodeDeployment() } else { encoding.encodeTransaction() }
                try query.addStep()
                var still: [Goal] = []
                for (index, goal) in pending.enumerated() {
                    let open = (still + pending[index...]).map(\.name)
                    let step: Step
                    switch goal {
                    case .property(let p): step = try ask(p, query, depth: depth, open: open)
                    case .rule(let r): step = try ask(r, query, depth: depth, open: open)
                    }
                    switch step {
                    case .decided: break
                    case .pending: still.append(goal)
                    case .leftForLater: query.leftOver.append(goal)
                    }
                }
                pending = still
                // After the deployment's own asserts: a contract never deployed has no state.
                if depth == 0, !stage.searchOnly, !query.stopped, !pending.isEmpty,
                    try solver.check(assumptions: [query.noCut, encoding.deployed]) == .unsat
                {
                    let cut = try reachableLoopCut(solver, encoding)
                    for goal in pending {
                        record(goal.pending, cut.map { .unknown($0) } ?? .vacuous(.constructorAlwaysReverts), depth: 0)
                    }
                    return Pass()
                }
            }
            if stage.searchOnly {
                return Pass(
                    left: goals.filter { decision($0.name) == nil }, incomplete: Set(query.leftOver.map(\.name)),
                    stopped: query.stopped, sanity: sanity)
            }
            if watchesFunctions { warnings += sanity.alwaysReverting() }
            for goal in job.goals where goal.hasReachability && !sanity.isReached(goal.name) {
                unreached.insert(goal.name)
            }
            guard !pending.isEmpty else { return Pass() }
            let sharedCut = query.stopped ? nil : try reachableLoopCut(solver, encoding)
            for goal in pending {
                switch goal {
                case .property(let p): try conclude(p, query, job: job, sharedCut: sharedCut)
                case .rule(let r):
                    // Stopped before its last prefix: every goal left is proved beside this engine.
                    record(r.pending, .holds, depth: query.encoding.transactions.count - 1, warnings: r.warnings)
                }
            }
        } catch {
            let undecided = goals.filter { decision($0.name) == nil }
            // A search that fails leaves its goals to the full bounds, which report the error if they meet it too.
            if stage.searchOnly { return Pass(left: undecided, incomplete: Set(undecided.map(\.name))) }
            for goal in undecided { record(goal.pending, .unknown(.solverError("\(error)")), depth: 0) }
        }
        return Pass(stopped: stopped, sanity: sanityChecks)
    }

    /// What one pass left: the goals it did not decide, those of them it gave up on (a search),
    /// whether the race stopped it, and its sanity checks.
    struct Pass {
        var left: [Goal] = []
        var incomplete: Set<String> = []
        var stopped = false
        var sanity: SanityChecks? = nil
    }

    /// What a goal's query at one depth came to.
    enum Step {
        /// Recorded.
        case decided
        /// Asked again at the next depth.
        case pending
        /// Not to be asked again in this pass (a search gave up on it): the next pass decides it.
        case leftForLater
    }

    /// The state of one job's queries: its solver and encoding, the sanity checks beside them,
    /// and what the loop has learnt so far. Made for the job, dropped with it.
    final class GoalQuery {
        let solver: TimedSolver
        let encoding: ContractEncoding
        let sanity: SanityChecks
        /// Assumed by every goal query: no path runs past a loop's bound.
        let noCut = Term.constant("no-loop-cut", .bool)
        /// Every goal still pending is proved beside this engine: no more queries on `solver`.
        var stopped = false
        /// A goal ran out of budget: a proof may still come, so its reachability still counts.
        var unknownSeen = false
        private var cutsAsserted = 0
        private var literals = 0
        /// For a pure function's call: every constraint given to `solver`, and each property's
        /// violation at the call, for the certificate (`certifyPure`).
        let isPureCall: Bool
        var asserted: [Term] = []
        var violations: [String: Term] = [:]
        /// For each invariant, the loops judging it ran past their bound in (its `view` calls).
        var propertyCuts: [String: [LoopCut]] = [:]

        /// The pass this query belongs to.
        let stage: Stage
        /// In a search: the goals it gave up on.
        var leftOver: [Goal] = []

        init(solver: TimedSolver, encoding: ContractEncoding, sanity: SanityChecks, isPureCall: Bool, stage: Stage) {
            self.solver = solver
            self.encoding = encoding
            self.sanity = sanity
            self.isPureCall = isPureCall
            self.stage = stage
        }

        /// Why goal `name`'s query at `depth` gave up, with the smaller bounds searched before.
        func gaveUp(_ reason: GiveUp, depth: Int, _ name: String) -> Reason {
            let searched = stage.searched.flatMap { $0.goals.contains(name) ? $0.bounds : nil }
            return .solverGaveUp(reason.description, depth: depth, searched: searched)
        }

        /// A fresh literal named `name!N`.
        func literal(_ name: String) -> Term {
            literals += 1
            return Term.constant("\(name)!\(literals)", .bool)
        }

        /// Gives the step just encoded to both solvers, and asks the sanity questions of it.
        func addStep() throws {
            var step = encoding.takeConstraints()
            step += encoding.loopCuts.dropFirst(cutsAsserted).map { Term.implies(noCut, Term.not($0.condition)) }
            cutsAsserted = encoding.loopCuts.count
            if !stopped { for c in step { try solver.assert(c) } }
            if isPureCall { asserted += step }
            try sanity.assert(step)
            // (Every query carries an assumption: Z3 then keeps its incremental core throughout.)
            try sanity.askCut(encoding.loopCuts)
            try sanity.askReached(encoding.stepReaches, assumptions: [noCut])
            try sanity.askSucceeded(encoding, assumptions: [noCut])
        }
    }

    /// Before a goal's query: false (and the job stopped) when the race says every goal still
    /// `open` is proved.
    private func mayAsk(_ query: GoalQuery, open: [String]) -> Bool {
        guard !query.stopped else { return false }
        if let race, !race.startQuery(pending: open) { query.stopped = true }
        return !query.stopped
    }

    /// Asks whether this depth violates property `p`.
    private func ask(_ p: ModelChecker.Pending, _ query: GoalQuery, depth: Int, open: [String]) throws -> Step {
        let (solver, encoding) = (query.solver, query.encoding)
        let violation: Term
        var ownCuts: [LoopCut] = []
        if let invariant = p.invariant {
            (violation, ownCuts) = encoding.invariantViolation(invariant)
            query.propertyCuts[p.reference.name, default: []] += ownCuts
            // Only for this query: never to the sanity solver, stopped or not.
            let definitions = encoding.takeConstraints()
            if !query.stopped { for c in definitions { try solver.assert(c) } }
            if query.isPureCall { query.asserted += definitions }
        } else {
            violation = encoding.stepViolations[p.reference.name] ?? .false
        }
        if query.isPureCall { query.violations[p.reference.name] = violation }
        guard violation.boolLiteralValue != false, mayAsk(query, open: open) else { return .pending }
        let literal = query.literal("check")
        try solver.assert(Term.implies(literal, violation))
        for cut in ownCuts {
            try solver.assert(Term.implies(literal, Term.implies(query.noCut, Term.not(cut.condition))))
        }
        let assumptions = [literal, query.noCut]
        switch try solver.check(assumptions: assumptions) {
        case .unsat:
            // No execution of this depth violates it: a fact that later depths may use (unless it
            // is quantified: a universal fact makes Z3's search incomplete; or it was judged with
            // loops cut: the fact would hold on those paths only).
            if !violation.containsQuantifier, ownCuts.isEmpty {
                try solver.assert(Term.implies(query.noCut, Term.not(violation)))
            }
            return .pending
        case .unknown(let reason):
            return gaveUp(p, reason, query, depth: depth)
        case .sat:
            let schedule = try simpleCounterexample(solver, encoding, assumptions: assumptions) {
                try ScheduleExtractor(model: $0, encoding: encoding).schedule(depth: depth)
            }
            let replayed = confirm(
                p, schedule, abstraction: encoding.usesAbstraction, depth: depth, onlyIfReplayed: query.stage.searchOnly
            ) { interpreter.replay($0, property: p.reference) }
            if !replayed && query.stage.searchOnly { return .leftForLater }
        }
        return .decided
    }

    /// Asks whether a rule run right after this depth's transactions is violated (or
    /// satisfied); true when that decided it. Its encoding is selected by a literal of its own,
    /// and so are the sanity questions of whether anything gets to its `assert` (or `satisfy`).
    /// A rule that not even an arbitrary state can violate only needs a prefix that gets there.
    private func ask(_ r: PendingRule, _ query: GoalQuery, depth: Int, open: [String]) throws -> Step {
        let (solver, encoding, sanity) = (query.solver, query.encoding, query.sanity)
        let name = r.pending.reference.name
        let encoded = encoding.encodeRule(r.rule, anyFunction: r.function)
        let active = query.literal("rule")
        // The rule's own loop cuts count only where its encoding is selected.
        let guarded =
            encoded.constraints.map { Term.implies(active, $0) }
            + encoded.loopCuts.map { Term.implies(active, Term.implies(query.noCut, Term.not($0.condition))) }
        if !sanity.isReached(name) {
            try sanity.assert(guarded)
            try sanity.askReached([name: encoded.reached], assumptions: [active, query.noCut])
            try sanity.askCut(encoded.loopCuts, of: name, assumptions: [active])
        }
        if r.impossibleFromAnyState {
            // Nothing to search for: only the full bounds conclude.
            if query.stage.searchOnly { return .leftForLater }
            guard sanity.isReached(name) || depth == r.lastPrefix, !query.stopped else { return .pending }
            try conclude(r, query, active: active, cuts: encoded.loopCuts, depth: depth)
            return .decided
        }
        guard mayAsk(query, open: open) else { return .pending }
        for c in guarded { try solver.assert(c) }
        let goal = query.literal("goal")
        try solver.assert(Term.implies(goal, encoded.goal))
        let assumptions = [active, goal, query.noCut]
        switch try solver.check(assumptions: assumptions) {
        case .sat:
            let schedule = try simpleCounterexample(solver, encoding, assumptions: assumptions) {
                try ScheduleExtractor(model: $0, encoding: encoding).schedule(prefix: depth, rule: encoded)
            }
            let replayed = confirm(
                r.pending, schedule, witness: r.rule.isSatisfy, abstraction: encoding.usesAbstraction,
                depth: depth + schedule.transactions.filter(\.isRuleCall).count, onlyIfReplayed: query.stage.searchOnly
            ) { interpreter.replayRule($0, rule: r.rule, function: r.function?.name) }
            if !replayed && query.stage.searchOnly { return .leftForLater }
        case .unknown(let reason):
            return gaveUp(r.pending, reason, query, depth: depth)
        case .unsat:
            guard depth >= r.lastPrefix else { return .pending }
            if query.stage.searchOnly { return .leftForLater }
            try conclude(r, query, active: active, cuts: encoded.loopCuts, depth: depth)
        }
        return .decided
    }

    /// A goal's query that gave up: stopped by the race (every goal left is proved), asked
    /// again at the next depth; in a search, left to the next pass; else `unknown`, saying how
    /// far the searches before got.
    private func gaveUp(_ p: ModelChecker.Pending, _ reason: GiveUp, _ query: GoalQuery, depth: Int) -> Step {
        if reason == .stopped {
            query.stopped = true
            return .pending
        }
        if query.stage.searchOnly { return .leftForLater }
        query.unknownSeen = true
        record(p, .unknown(query.gaveUp(reason, depth: depth, p.reference.name)), depth: depth)
        return .decided
    }

    /// The verdict of a property no execution within the job's bounds violates.
    private func conclude(_ p: ModelChecker.Pending, _ query: GoalQuery, job: Job, sharedCut: Reason?) throws {
        let (solver, encoding) = (query.solver, query.encoding)
        var cutReason = sharedCut
        if !query.stopped, cutReason == nil, let own = query.propertyCuts[p.reference.name] {
            cutReason = try reachableLoopCut(solver, encoding, extra: own)
        }
        if let cutReason {
            record(p, .unknown(cutReason), depth: job.depth)
        } else if p.invariant == nil, !query.sanity.isReached(p.reference.name) {
            settleVacuity(p, proof: .none, depth: job.depth)
        } else if job.isPureCall, job.depth == 1, checker.options.engine == .auto,
            let violation = query.violations[p.reference.name],
            try certifyPure(query.asserted, violation, cuts: encoding.loopCuts.map(\.condition))
        {
            recordProved(p, certificate: "true", basis: .pureCall)
        } else {
            record(p, .holds, depth: job.depth)
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

    /// Replays the schedule found for `p` with `replay` (a property's or a rule's); only a
    /// replayed failure is `violated` (a satisfy-rule's witness `satisfied`). `abstraction`: the
    /// encoding over-approximates something (a hash, an encoding), so the real run may go
    /// elsewhere than the solver's.
    @discardableResult
    func confirm(
        _ p: ModelChecker.Pending, _ schedule: Schedule, witness: Bool = false, abstraction: Bool, depth: Int,
        onlyIfReplayed: Bool = false, replay: (Schedule) -> ReplayResult
    ) -> Bool {
        let start = clock.now
        let replayed = replay(schedule)
        statistics.replaySeconds += (clock.now - start).seconds
        if case .violated(let trace) = replayed {
            let found = Counterexample(trace: trace, schedule: schedule)
            record(p, witness ? .satisfied(found) : .violated(found), depth: depth)
            return true
        }
        guard !onlyIfReplayed else { return false }
        switch replayed {
        case .violated:
            break
        case .notViolated:
            record(p, .unknown(.notConfirmed(witness: witness, abstraction: abstraction)), depth: depth)
        case .mismatch(let why):
            // An over-approximated value may send the real run elsewhere.
            let reason: Reason =
                abstraction
                ? .notConfirmed(witness: witness, abstraction: true)
                : .replayMismatch(why, rule: p.reference.kind == .rule)
            record(p, .unknown(reason), depth: depth)
        case .unconfirmable(let why):
            record(p, .unknown(.unconfirmable(why)), depth: depth)
        }
        return false
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
        let places = { (delegation: Bool) in
            Set(reached.filter { $0.isDelegation == delegation }.map { self.model.sources.describe($0.loop) }).sorted()
        }
        return .loopCut(loops: places(false), bound: bounds.loops, delegations: places(true))
    }
}
