import BigInt
import SMT
import VigilBasics
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace

/// The model checker: decides every property of a contract with the engines `--engine` picks
/// (the bounded engine, `BoundedEngine.swift`; the unbounded one, `ProofEngine`; or both side by
/// side) and merges their outcomes by the rules of docs/LANGUAGE-REFERENCE.md ("The unbounded
/// engine"), all in this file. Every `violated` is replayed by the interpreter; every `proved`
/// rests on a certificate a fresh solver checked.
public struct ModelChecker: Sendable {
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
        for p in everything { run.record(p, .unknown(.internalError(why)), depth: 0) }
        return everything.compactMap(run.result)
    }
}

/// The checking of one contract: the table of its properties' outcomes, which the engines fill.
final class ContractRun {
    let checker: ModelChecker
    let model: SemanticModel
    let contract: ContractInfo
    let interpreter: Interpreter
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    /// Each property's outcome so far; written only by `record`.
    private var table: [PropertyID: Decision] = [:]
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

    init(checker: ModelChecker, model: SemanticModel, contract: ContractInfo) {
        self.checker = checker
        self.model = model
        self.contract = contract
        interpreter = Interpreter(model: model, contract: contract)
        started = clock.now
    }

    var bounds: Bounds { checker.options.bounds }

    /// The contract's selected invariants, asserts and ensures, in that order.
    func selectedProperties() -> [ModelChecker.Pending] {
        var all: [ModelChecker.Pending] = contract.invariants.map {
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
        return all.filter { selection.includes(PropertyID(contract: contract.name, name: $0.reference.name)) }
    }

    // MARK: - The table

    /// The verdict decided so far for `name`.
    /// The identity of the contract's property `name`.
    func id(_ name: String) -> PropertyID { PropertyID(contract: contract.name, name: name) }

    /// What was decided so far for the property `name`.
    func decision(_ name: String) -> Decision? { table[id(name)] }

    /// The verdict decided so far for `name`.
    func verdict(_ name: String) -> Verdict? { decision(name)?.outcome.verdict }

    /// Decides `p`: `outcome` at `depth`, with what the sanity checks found on the way.
    func record(_ p: ModelChecker.Pending, _ outcome: Outcome, depth: Int, warnings: [String] = []) {
        table[id(p.reference.name)] = Decision(
            outcome: outcome, depth: depth, warnings: warnings, milliseconds: elapsed())
        // No proof changes these: the prover need not work on them any more. (A bounded `vacuous`
        // is not settled: a proof, or a failure derived beyond the bounds, changes it.)
        if outcome.isSettled { race?.publishSettled(p.reference.name) }
    }

    /// Forgets what was decided for `name` (to decide it again).
    func forget(_ name: String) { table[id(name)] = nil }

    /// The report's result for `p`, made from its outcome: the one place a `PropertyResult` is made.
    func result(_ p: ModelChecker.Pending) -> PropertyResult? {
        guard let decided = decision(p.reference.name) else { return nil }
        let outcome = decided.outcome
        var result = PropertyResult(
            contract: contract.name, property: p.reference, verdict: outcome.verdict, range: p.range, bounds: bounds,
            assumptions: assumptions(outcome), reason: outcome.reason?.description,
            trace: outcome.counterexample?.trace, timeMilliseconds: decided.milliseconds, depthReached: decided.depth,
            warnings: decided.warnings)
        result.schedule = outcome.counterexample?.schedule
        result.certificate = outcome.certificate
        return result
    }

    func elapsed() -> Int {
        Int(((clock.now - started).seconds * 1000).rounded())
    }

    // MARK: - What results rest on

    /// What an outcome rests on: the bounds (and a loop cut), or what a proof rests on instead.
    func assumptions(_ outcome: Outcome) -> [String] {
        switch outcome.proofBasis {
        case .unbounded?: return unboundedAssumptions
        case .pureCall?:
            return ["unbounded: a pure function, every argument checked (it reads no state and cannot re-enter)"]
        case nil:
            if case .unknown(.loopCut) = outcome { return baseAssumptions + ["loop cut"] }
            return baseAssumptions
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

    // MARK: - The engines

    func collect() -> [PropertyResult] {
        let all = selectedProperties()
        let rules = pendingRules()
        let ruleGoals = rules.map {
            ProofEngine.RuleGoal(name: $0.pending.reference.name, rule: $0.rule, function: $0.function)
        }
        let engine = ProofEngine(solverFactory: checker.solverFactory, options: checker.options)
        let references = all.map(\.reference)
        let everything = all + rules.map(\.pending)
        guard !everything.isEmpty else { return [] }
        switch checker.options.engine {
        case .prove:
            let started = clock.now
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
        case .bmc:
            runBounded(all, rules: rules)
        case .auto:
            let race = EngineRace()
            self.race = race
            let prover = ProverThread(
                engine: engine, model: model, contract: contract, properties: references, rules: ruleGoals, race: race)
            runBounded(all, rules: rules)
            // A proof changes only a bounded `holds`, `unknown`, `unsatisfiable` or `vacuous`.
            race.finishBounded(
                cancelProver: !everything.contains {
                    [.holds, .unknown, .unsatisfiable, .vacuous].contains(verdict($0.reference.name))
                })
            let started = clock.now
            apply(prover.outcomes(), to: everything, rules: rules)
            statistics.proofWaitSeconds += (clock.now - started).seconds
            statistics.proofSeconds += prover.seconds
            // A proof of what the bounded engine found unreached: vacuous only if none reaches it.
            let unsure = everything.filter {
                decision($0.reference.name)?.warnings.contains(Self.unreachedWithinBounds) == true
            }
            if !unsure.isEmpty {
                let asked = clock.now
                let encoding = HornEncoding(model: model, contract: contract)
                confirmReachability(engine, encoding, unsure, rules: rules, warnFunctions: false)
                statistics.proofSeconds += (clock.now - asked).seconds
            }
        }
        return everything.compactMap(result)
    }

    // MARK: - Merging the engines' outcomes

    /// The merging rule for one property: how the unbounded engine's outcome `proof` changes
    /// what the bounded engine decided (`bounded`, nil when it decided nothing). A checked proof
    /// makes `holds` or `unknown` `proved` and a satisfy-rule `unsatisfiable` for good; a proof of
    /// what no execution within the bounds reaches, or a failure derived of it, is for `Vacuity`
    /// to settle; a proof of what the bounded engine found violated (or satisfied) is the engines'
    /// disagreement. Without a proof the bounded result stands; with none, the result is `unknown`
    /// with the unbounded engine's reason (or vacuous when a rule admits no execution at all).
    enum Merge: Equatable {
        /// The bounded result stands.
        case keep
        /// A checked proof: `proved`.
        case proved(certificate: String)
        /// A checked proof of a satisfy-rule: nothing satisfies it.
        case unsatisfiable(certificate: String)
        /// A checked proof beside a replayed counterexample or witness.
        case disagreement
        /// For `Vacuity.decide`, with what the unbounded engine found.
        case settleVacuity(Vacuity.Proof)
        /// The unbounded engine's outcome alone, the bounded engine having decided nothing.
        case unknown(ProofFailure)
        /// A rule whose `assert` (or `satisfy`) no execution from any state gets to.
        case admitsNone(satisfy: Bool)
    }

    static func merge(
        _ proof: ProofEngine.Outcome?, bounded: Verdict?, unreachedWithinBounds: Bool, isSatisfyRule: Bool,
        isInvariant: Bool
    ) -> Merge {
        switch proof {
        case .proved(let certificate)?:
            switch bounded {
            case .violated?, .satisfied?: return .disagreement
            // Vacuous for another reason: the deployment always reverts, or a rule's assumptions admit nothing.
            case .vacuous? where !unreachedWithinBounds: return .keep
            default: break
            }
            // Nothing satisfies it from any reachable state: unsatisfiable for good.
            if isSatisfyRule { return .unsatisfiable(certificate: certificate) }
            // Reached only by longer executions, or by none (`confirmReachability` asks).
            if unreachedWithinBounds, !isInvariant { return .settleVacuity(.proved) }
            // No bounds; re-entrant calls come from any address but the `trusted` ones.
            return .proved(certificate: certificate)
        case .failed(.derived)? where unreachedWithinBounds && bounded == .vacuous:
            return .settleVacuity(.derivedFailure)
        case .failed(let why)?:
            return bounded == nil ? .unknown(why) : .keep
        case .unreachable?:
            // Alone, the unbounded engine still says when a rule checks nothing at all.
            return bounded == nil ? .admitsNone(satisfy: isSatisfyRule) : .keep
        case nil:
            return .keep
        }
    }

    /// Takes the unbounded engine's outcomes, by `merge`.
    private func apply(
        _ outcomes: [String: ProofEngine.Outcome], to properties: [ModelChecker.Pending], rules: [PendingRule]
    ) {
        let satisfyRules = Set(rules.filter(\.rule.isSatisfy).map(\.pending.reference.name))
        for p in properties {
            let name = p.reference.name
            let step = Self.merge(
                outcomes[name], bounded: verdict(name), unreachedWithinBounds: unreached.contains(name),
                isSatisfyRule: satisfyRules.contains(name), isInvariant: p.invariant != nil)
            let decided = decision(name)
            switch step {
            case .keep:
                break
            case .proved(let certificate):
                recordProved(p, certificate: certificate, basis: .unbounded)
            case .unsatisfiable(let certificate):
                record(
                    p, .unsatisfiable(.unsatisfiableProved, certificate: certificate), depth: 0,
                    warnings: decided?.warnings ?? [])
            case .disagreement:
                guard let decided, let found = decided.outcome.counterexample else { break }
                record(
                    p, .disagreement(found, witness: decided.outcome.verdict == .satisfied), depth: decided.depth,
                    warnings: decided.warnings)
            case .settleVacuity(let fact):
                let certificate: String
                if case .proved(let c)? = outcomes[name] { certificate = c } else { certificate = "true" }
                settleVacuity(p, proof: fact, certificate: certificate)
            case .unknown(let why):
                record(p, .unknown(.unbounded(why)), depth: 0)
            case .admitsNone(let satisfy):
                let why = Reason.ruleAdmitsNone(satisfy: satisfy, anyState: true)
                record(p, satisfy ? .unsatisfiable(why, certificate: nil) : .vacuous(why), depth: 0)
            }
        }
    }

    /// `proved`, with the invariant behind it; the sanity warnings found on the way stay.
    func recordProved(_ p: ModelChecker.Pending, certificate: String, basis: ProofBasis) {
        record(
            p, .proved(certificate: certificate, basis: basis), depth: 0,
            warnings: decision(p.reference.name)?.warnings ?? [])
    }

    /// With `--engine prove`: a failure the unbounded engine derives is a finding only with a
    /// trace, so the bounded engine looks for one (a replayed counterexample makes it
    /// `violated`); when it finds none within its bounds the result stays `unknown`. So does a
    /// property that failed only jointly with others (too many to try one by one), or in a
    /// contract no deployment of which succeeds (an assert may fail in the deployment): it may
    /// be violated, and then the trace says so.
    private func lookForDerivedFailures(
        _ outcomes: [String: ProofEngine.Outcome], all: [ModelChecker.Pending], rules: [PendingRule]
    ) {
        let derived = Set(
            outcomes.compactMap { name, outcome -> String? in
                guard case .failed(let why) = outcome,
                    [.derived, .notProvedTogether, .constructorCannotSucceed].contains(why)
                else { return nil }
                return name
            })
        guard !derived.isEmpty else { return }
        for name in derived { forget(name) }
        runBounded(
            all.filter { derived.contains($0.reference.name) },
            rules: rules.filter { derived.contains($0.pending.reference.name) })
        for p in all + rules.map(\.pending) where derived.contains(p.reference.name) {
            let name = p.reference.name
            guard case .failed(let why)? = outcomes[name], let decided = decision(name) else { continue }
            if decided.outcome.verdict == .vacuous {
                settleVacuity(p, proof: outcomes[name]?.vacuityFact ?? .none, failure: why)
            } else if [.holds, .unsatisfiable].contains(decided.outcome.verdict) {
                record(p, .unknown(.failureBeyondBounds(why)), depth: decided.depth, warnings: decided.warnings)
            }
        }
    }

    /// With `--engine prove`: the properties that failed only jointly, once the bounded engine
    /// found some of them violated, are tried together again without those (as beside the
    /// bounded engine under `auto`); what that proves is `proved`.
    private func retryWithoutViolated(
        _ engine: ProofEngine, _ encoding: HornEncoding, _ outcomes: [String: ProofEngine.Outcome],
        all: [ModelChecker.Pending]
    ) {
        let joint = all.filter {
            if case .failed(.notProvedTogether)? = outcomes[$0.reference.name] { true } else { false }
        }
        let rest = joint.filter { verdict($0.reference.name) != .violated }
        guard rest.count < joint.count, !rest.isEmpty else { return }
        let started = clock.now
        let again = engine.prove(encoding, contract: contract, properties: rest.map(\.reference), rules: [])
        for p in rest {
            guard case .proved(let certificate)? = again[p.reference.name] else { continue }
            recordProved(p, certificate: certificate, basis: .unbounded)
        }
        statistics.proofSeconds += (clock.now - started).seconds
        statistics.proofWaitSeconds = statistics.proofSeconds
    }

    /// The warning on a proof of an assert or ensures that the bounded engine found reached by
    /// no execution within its bounds, when the unbounded engine cannot show that none reaches it.
    static let unreachedWithinBounds =
        "no execution within the bounds reaches it: only longer executions may (raise --depth to see one)"

    /// What the unbounded engine says about reachability, beside a proof. A proved assert or
    /// ensures that no execution from any reachable state reaches is `vacuous`; with
    /// `warnFunctions` (`--engine prove`, where no bounded sanity check ran), a state-changing
    /// function that reverts on every input from every reachable state gets a warning; both only
    /// on a checked proof.
    private func confirmReachability(
        _ engine: ProofEngine, _ encoding: HornEncoding, _ all: [ModelChecker.Pending], rules: [PendingRule],
        warnFunctions: Bool
    ) {
        let proved = all.filter { $0.invariant == nil && verdict($0.reference.name) == .proved }
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

    /// Decides `p`'s vacuity from what the engines found (`Vacuity.decide`, the one place that
    /// does) and records it: `unreachedWithinBounds` unless the bounded engine says otherwise
    /// (`depth`: it found it so at that depth); `certificate` for a proof, `failure` for a
    /// failure. The warnings found on the way stay.
    func settleVacuity(
        _ p: ModelChecker.Pending, proof: Vacuity.Proof, provedUnreached: Bool = false, certificate: String = "true",
        failure: ProofFailure = .derived, depth: Int? = nil
    ) {
        let name = p.reference.name
        let decided = Vacuity.decide(
            unreachedWithinBounds: p.invariant == nil && (unreached.contains(name) || depth != nil), proof: proof,
            provedUnreached: provedUnreached, engine: checker.options.engine)
        let warnings = (decision(name)?.warnings ?? []).filter { $0 != Self.unreachedWithinBounds }
        let reached = depth ?? decision(name)?.depth ?? 0
        switch decided {
        case .vacuous(let proved):
            record(p, .vacuous(.unreached(p.reference.kind, proved: proved)), depth: reached, warnings: warnings)
        case .provedUnreachedWithinBounds:
            record(
                p, .proved(certificate: certificate, basis: .unbounded), depth: 0,
                warnings: warnings + [Self.unreachedWithinBounds])
        case .failureBeyondBounds:
            record(p, .unknown(.failureBeyondBounds(failure)), depth: reached, warnings: warnings)
        case .notVacuous:
            break
        }
    }
}
