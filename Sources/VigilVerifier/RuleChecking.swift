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
    let pending: ModelChecker.Pending
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
        return contract.rules.filter { selection.includes(PropertyID(contract: contract.name, name: $0.name)) }.flatMap
        {
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

    /// Asks whether each rule can be violated (or satisfied) from an arbitrary state at all: when
    /// not, no prefix needs searching, only one that gets to the rule's asserts (or satisfy).
    /// Also flags an assert-rule whose asserts hold whatever state its calls leave behind.
    func markImpossibleFromAnyState(_ rules: inout [PendingRule]) throws {
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
    func conclude(_ p: PendingRule, _ query: GoalQuery, active: Term, cuts: [LoopCut], depth: Int) throws {
        let reached = query.sanity.isReached(p.pending.reference.name)
        if !p.impossibleFromAnyState,
            let cut = try reachableLoopCut(query.solver, query.encoding, assumptions: [active], extra: cuts)
        {
            record(p.pending, .unknown(cut), depth: depth)
            return
        }
        if p.rule.isSatisfy {
            let why: Reason =
                !reached
                ? .ruleAdmitsNone(satisfy: true, anyState: false)
                : p.impossibleFromAnyState ? .unsatisfiableFromAnyState : .unsatisfiedWithinBounds
            record(p.pending, .unsatisfiable(why, certificate: nil), depth: depth)
            return
        }
        guard reached else {
            record(p.pending, .vacuous(.ruleAdmitsNone(satisfy: false, anyState: false)), depth: depth)
            return
        }
        record(p.pending, .holds, depth: depth, warnings: p.warnings)
    }
}
