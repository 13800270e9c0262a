import SMT
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilSyntax
import VigilTrace

/// One rule result to decide: a rule, and for `call any` the function it calls (`RULE[FUNCTION]`).
struct PendingRule {
    let rule: RuleInfo
    let function: FunctionInfo?
    let pending: BoundedChecker.Pending
    /// The longest prefix of transactions before the rule: its calls count towards the depth.
    let lastPrefix: Int
    /// True when not even an arbitrary starting state gives a violation (or a witness).
    var impossibleFromAnyState = false
    /// What the sanity checks found.
    var warnings: [String] = []
}

extension ContractRun {
    /// Every selected rule result of the contract, in source order. The selection names a rule
    /// with `call any` once, for all its results.
    func pendingRules() -> [PendingRule] {
        let selection = checker.options.selection
        return contract.rules.filter { selection.includes(contract: contract.name, property: $0.name) }.flatMap {
            rule -> [PendingRule] in
            let functions: [FunctionInfo?] = rule.hasCallAny ? contract.entryPoints : [nil]
            let lastPrefix = max(0, bounds.depth - Self.callCount(rule.decl.body))
            return functions.map { f in
                let name = f.map { "\(rule.name)[\($0.name)]" } ?? rule.name
                return PendingRule(
                    rule: rule, function: f,
                    pending: .init(
                        reference: PropertyReference(kind: .rule, name: name), range: rule.decl.range, invariant: nil),
                    lastPrefix: lastPrefix)
            }
        }
    }

    /// The number of `call` statements of a rule's body.
    private static func callCount(_ block: Block) -> Int {
        func count(_ s: Stmt) -> Int {
            switch s.kind {
            case .ruleCall: 1
            case .block(let b): b.statements.map(count).reduce(0, +)
            case .ifStmt(_, let thenS, let elseS): count(thenS) + (elseS.map(count) ?? 0)
            default: 0
            }
        }
        return block.statements.map(count).reduce(0, +)
    }

    /// Decides the rules on one shared encoding of the reachable states: after each prefix
    /// depth, every pending rule is encoded from the committed state under a literal of its own.
    /// A rule that not even an arbitrary state can violate (or satisfy) only needs a prefix that
    /// gets to its asserts; that is asked on the sanity solver, the goal queries on the main one.
    func runRules(_ rules: [PendingRule]) {
        guard !rules.isEmpty else { return }
        var pending = rules
        do {
            try markImpossibleFromAnyState(&pending)
            let solver = try makeSolver()
            defer { account(solver) }
            let watchesFunctions = !livenessChecked
            livenessChecked = true
            let encoding = ContractEncoding(model: model, contract: contract, bounds: bounds)
            let sanity = SanityChecks(
                solver: try makeSolver(), names: Set(rules.map(\.pending.reference.name)),
                functions: watchesFunctions ? encoding.entryPoints : [])
            defer { account(sanity.spent) }
            let noCut = Term.constant("no-loop-cut", .bool)
            var cutsAsserted = 0
            var literals = 0
            func literal(_ name: String) -> Term {
                literals += 1
                return Term.constant("\(name)!\(literals)", .bool)
            }
            func newCuts() -> [Term] {
                defer { cutsAsserted = encoding.loopCuts.count }
                return encoding.loopCuts.dropFirst(cutsAsserted).map { Term.implies(noCut, Term.not($0.condition)) }
            }
            let deepest = rules.map(\.lastPrefix).max() ?? 0
            for depth in 0...deepest where !pending.isEmpty {
                checker.progress?(
                    CheckProgress(
                        contract: contract.name, properties: pending.map(\.pending.reference.name), depth: depth,
                        maximumDepth: deepest))
                if depth == 0 { encoding.encodeDeployment() } else { encoding.encodeTransaction() }
                let step = encoding.takeConstraints() + newCuts()
                for c in step { try solver.assert(c) }
                try sanity.assert(step)
                try sanity.askCut(encoding.loopCuts)
                try sanity.askSucceeded(encoding, assumptions: [noCut])
                var still: [PendingRule] = []
                for p in pending {
                    let name = p.pending.reference.name
                    let encoded = encoding.encodeRule(p.rule, anyFunction: p.function)
                    let active = literal("rule")
                    // The rule's own loop cuts count only where its encoding is selected.
                    let guarded =
                        encoded.constraints.map { Term.implies(active, $0) }
                        + encoded.loopCuts.map { Term.implies(active, Term.implies(noCut, Term.not($0.condition))) }
                    if !sanity.isReached(name) {
                        try sanity.assert(guarded)
                        try sanity.askReached([name: encoded.reached], assumptions: [active, noCut])
                        try sanity.askCut(encoded.loopCuts, of: name, assumptions: [active])
                    }
                    if p.impossibleFromAnyState {
                        if sanity.isReached(name) || depth == p.lastPrefix {
                            try conclude(
                                p, solver, encoding, sanity, active: active, cuts: encoded.loopCuts, depth: depth)
                        } else {
                            still.append(p)
                        }
                        continue
                    }
                    for c in guarded { try solver.assert(c) }
                    let goal = literal("goal")
                    try solver.assert(Term.implies(goal, encoded.goal))
                    switch try solver.check(assumptions: [active, goal, noCut]) {
                    case .sat:
                        let schedule = try simpleCounterexample(
                            solver, encoding, assumptions: [active, goal, noCut]
                        ) {
                            try ScheduleExtractor(model: $0, encoding: encoding).schedule(prefix: depth, rule: encoded)
                        }
                        confirmRule(p, schedule, depth: depth + schedule.transactions.filter(\.isRuleCall).count)
                    case .unknown(let reason):
                        finish(
                            p.pending, .unknown, reason: .solverGaveUp(reason.description, depth: depth), trace: nil,
                            depth: depth
                        )
                    case .unsat:
                        if depth < p.lastPrefix {
                            still.append(p)
                        } else {
                            try conclude(
                                p, solver, encoding, sanity, active: active, cuts: encoded.loopCuts, depth: depth)
                        }
                    }
                }
                pending = still
            }
            // A proof of a rule whose asserts no execution within the bounds gets to is vacuous.
            for p in rules where !sanity.isReached(p.pending.reference.name) {
                unreached.insert(p.pending.reference.name)
            }
            let exhausted = rules.contains { results[$0.pending.reference.name]?.verdict == .unknown }
            if watchesFunctions, !exhausted { warnings += sanity.alwaysReverting() }
        } catch {
            for p in pending where results[p.pending.reference.name] == nil {
                finish(p.pending, .unknown, reason: .solverError("\(error)"), trace: nil, depth: 0)
            }
        }
    }

    /// Asks whether each rule can be violated (or satisfied) from an arbitrary state at all: when
    /// not, no prefix needs searching, only one that gets to the rule's asserts (or satisfy).
    /// Also flags an assert-rule whose asserts hold whatever state its calls leave behind.
    private func markImpossibleFromAnyState(_ rules: inout [PendingRule]) throws {
        let solver = try makeSolver()
        defer { account(solver) }
        let encoding = ContractEncoding(model: model, contract: contract, bounds: bounds)
        encoding.encodeArbitraryState()
        for c in encoding.takeConstraints() { try solver.assert(c) }
        func impossible(_ encoded: RuleEncoding, _ index: Int, _ what: String) throws -> Bool {
            // A loop cut would make the answer rest on the cut: then it counts as possible.
            guard encoded.loopCuts.isEmpty else { return false }
            let active = Term.constant("\(what)!\(index)", .bool)
            for c in encoded.constraints { try solver.assert(Term.implies(active, c)) }
            try solver.assert(Term.implies(active, encoded.goal))
            return try solver.check(assumptions: [active]) == .unsat
        }
        for i in rules.indices {
            let p = rules[i]
            rules[i].impossibleFromAnyState = try impossible(
                encoding.encodeRule(p.rule, anyFunction: p.function), i, "any-state")
            if rules[i].impossibleFromAnyState, !p.rule.isSatisfy, Self.callCount(p.rule.decl.body) > 0,
                try impossible(encoding.encodeRule(p.rule, anyFunction: p.function, havocCalls: true), i, "havoc")
            {
                rules[i].warnings.append(
                    "its asserts hold whatever state its calls leave behind: the rule checks nothing the code does")
            }
        }
    }

    /// The verdict of a rule that no execution within the bounds violates (or satisfies).
    private func conclude(
        _ p: PendingRule, _ solver: TimedSolver, _ encoding: ContractEncoding, _ sanity: SanityChecks,
        active: Term, cuts: [LoopCut], depth: Int
    ) throws {
        let reached = sanity.isReached(p.pending.reference.name)
        if !p.impossibleFromAnyState,
            let cut = try reachableLoopCut(solver, encoding, assumptions: [active], extra: cuts)
        {
            finish(p.pending, .unknown, reason: cut, trace: nil, depth: depth, extra: ["loop cut"])
            return
        }
        if p.rule.isSatisfy {
            let why: Reason =
                !reached
                ? .ruleAdmitsNone(satisfy: true, anyState: false)
                : p.impossibleFromAnyState ? .unsatisfiableFromAnyState : .unsatisfiedWithinBounds
            finish(p.pending, .unsatisfiable, reason: why, trace: nil, depth: depth)
            return
        }
        guard reached else {
            finish(
                p.pending, .vacuous, reason: .ruleAdmitsNone(satisfy: false, anyState: false), trace: nil, depth: depth)
            return
        }
        finish(p.pending, .holds, reason: nil, trace: nil, depth: depth, warnings: p.warnings)
    }

    /// Replays a rule's schedule; a `violated` or `satisfied` is reported only when the replay confirms it.
    private func confirmRule(_ p: PendingRule, _ schedule: Schedule, depth: Int) {
        let start = clock.now
        let replay = interpreter.replayRule(schedule, rule: p.rule, function: p.function?.name)
        statistics.replaySeconds += (clock.now - start).seconds
        switch replay {
        case .violated(let trace):
            finish(p.pending, p.rule.isSatisfy ? .satisfied : .violated, reason: nil, trace: trace, depth: depth)
            results[p.pending.reference.name]?.schedule = schedule
        case .notViolated:
            finish(
                p.pending, .unknown, reason: .notConfirmed(witness: p.rule.isSatisfy, abstraction: false), trace: nil,
                depth: depth)
        case .mismatch(let why):
            finish(p.pending, .unknown, reason: .replayMismatch(why, rule: true), trace: nil, depth: depth)
        case .unconfirmable(let why):
            finish(p.pending, .unknown, reason: .unconfirmable(why), trace: nil, depth: depth)
        }
    }
}
