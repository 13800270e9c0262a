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
    /// True once some execution got to an `assert` or `satisfy` of the rule.
    var reached = false
}

extension ContractRun {
    /// Every rule result of the contract, in source order.
    func pendingRules() -> [PendingRule] {
        contract.rules.flatMap { rule -> [PendingRule] in
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
    func runRules(_ rules: [PendingRule]) {
        guard !rules.isEmpty else { return }
        var pending = rules
        do {
            let solver = try makeSolver()
            defer { account(solver) }
            let encoding = ContractEncoding(model: model, contract: contract, bounds: bounds)
            let noCut = Term.constant("no-loop-cut", .bool)
            var cutsAsserted = 0
            var literals = 0
            func literal(_ name: String) -> Term {
                literals += 1
                return Term.constant("\(name)!\(literals)", .bool)
            }
            func assertNewCuts() throws {
                for cut in encoding.loopCuts.dropFirst(cutsAsserted) {
                    try solver.assert(Term.implies(noCut, Term.not(cut.condition)))
                }
                cutsAsserted = encoding.loopCuts.count
            }
            let deepest = rules.map(\.lastPrefix).max() ?? 0
            for depth in 0...deepest where !pending.isEmpty {
                if depth == 0 { encoding.encodeDeployment() } else { encoding.encodeTransaction() }
                for c in encoding.takeConstraints() { try solver.assert(c) }
                try assertNewCuts()
                var still: [PendingRule] = []
                for var p in pending {
                    let encoded = encoding.encodeRule(p.rule, anyFunction: p.function)
                    let active = literal("rule")
                    for c in encoded.constraints { try solver.assert(Term.implies(active, c)) }
                    try assertNewCuts()
                    let goal = literal("goal")
                    try solver.assert(Term.implies(goal, encoded.goal))
                    switch try solver.check(assumptions: [active, goal, noCut]) {
                    case .sat:
                        try preferSimpleCounterexample(solver, encoding, assumptions: [active, goal, noCut])
                        let schedule = try ScheduleExtractor(model: try solver.model(), encoding: encoding)
                            .schedule(prefix: depth, rule: encoded)
                        confirmRule(p, schedule, depth: depth + schedule.transactions.filter(\.isRuleCall).count)
                        continue
                    case .unknown(let reason):
                        finish(
                            p.pending, .unknown, reason: "solver: \(reason) at depth \(depth)", trace: nil, depth: depth
                        )
                        continue
                    case .unsat:
                        break
                    }
                    if !p.reached {
                        let reach = literal("reach")
                        try solver.assert(Term.implies(reach, encoded.reached))
                        p.reached = try solver.check(assumptions: [active, reach, noCut]) == .sat
                    }
                    if depth < p.lastPrefix {
                        still.append(p)
                    } else {
                        try conclude(p, solver, encoding, active: active, noCut: noCut, depth: depth)
                    }
                }
                pending = still
            }
        } catch {
            for p in pending where results[p.pending.reference.name] == nil {
                finish(p.pending, .unknown, reason: "solver error: \(error)", trace: nil, depth: 0)
            }
        }
    }

    /// The verdict of a rule that no execution within the bounds violates (or satisfies).
    private func conclude(
        _ p: PendingRule, _ solver: TimedSolver, _ encoding: ContractEncoding, active: Term, noCut: Term, depth: Int
    ) throws {
        if let cut = try reachableLoopCut(solver, encoding, assumptions: [active]) {
            finish(p.pending, .unknown, reason: cut, trace: nil, depth: depth, extra: ["loop cut"])
            return
        }
        if p.rule.isSatisfy {
            let why =
                p.reached
                ? "no execution within the bounds satisfies it"
                : "no execution within the bounds gets to its 'satisfy': its assumptions and required calls admit none"
            finish(p.pending, .unsatisfiable, reason: why, trace: nil, depth: depth)
            return
        }
        guard p.reached else {
            finish(
                p.pending, .vacuous,
                reason:
                    "no execution within the bounds gets to its 'assert': its assumptions and required calls admit none",
                trace: nil, depth: depth)
            return
        }
        var warnings: [String] = []
        if Self.callCount(p.rule.decl.body) > 0 {
            // A rule whose asserts hold whatever its calls leave behind checks nothing the code does.
            let without = encoding.encodeRule(p.rule, anyFunction: p.function, havocCalls: true)
            let active = Term.constant("rule-without-calls!\(p.pending.reference.name)", .bool)
            for c in without.constraints { try solver.assert(Term.implies(active, c)) }
            let goal = Term.constant("goal-without-calls!\(p.pending.reference.name)", .bool)
            try solver.assert(Term.implies(goal, without.goal))
            if try solver.check(assumptions: [active, goal, noCut]) == .unsat {
                warnings.append(
                    "its asserts hold whatever state its calls leave behind: the rule checks nothing the code does")
            }
        }
        finish(p.pending, .holds, reason: nil, trace: nil, depth: depth, warnings: warnings)
    }

    /// Replays a rule's schedule; a `violated` or `satisfied` is reported only when the replay confirms it.
    private func confirmRule(_ p: PendingRule, _ schedule: Schedule, depth: Int) {
        let start = clock.now
        let replay = interpreter.replayRule(schedule, rule: p.rule, function: p.function?.name)
        statistics.replaySeconds += (clock.now - start).seconds
        switch replay {
        case .violated(let trace):
            finish(p.pending, p.rule.isSatisfy ? .satisfied : .violated, reason: nil, trace: trace, depth: depth)
        case .notViolated:
            let what = p.rule.isSatisfy ? "witness" : "counterexample"
            finish(
                p.pending, .unknown, reason: "internal error: the interpreter did not confirm the \(what)", trace: nil,
                depth: depth)
        case .mismatch(let why):
            finish(
                p.pending, .unknown, reason: "internal error: the rule's trace does not replay (\(why))", trace: nil,
                depth: depth)
        }
    }
}
