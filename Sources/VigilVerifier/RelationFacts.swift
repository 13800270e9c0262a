import BigInt
import SMT
import VigilLowering

/// Facts about one of the contract's relations, found before Spacer runs so that Spacer need
/// not: conjuncts of the interpretation of `Ext(env, pre, post)` (what the environment's calls
/// can do while it holds control) or of `Inv(s)` (the committed states). Per-key facts
/// (`forall k: post.balances[k] >= pre.balances[k]`, `forall k: debt[k] <= 2000 *
/// collateral[k]`) are the ones Spacer rarely finds itself, and lock states (`pre.status == 2
/// ==> post.sold == pre.sold`) the ones a re-entrant call guarded by a lock needs.
///
/// Candidates come from templates. For `Ext`, over the state's parts: unchanged, no smaller,
/// no larger (for every key of a mapping too), ether gained against a ghost sum's gain, each
/// alone or under a condition that a part of the state handed over equals a literal (the values
/// a handover in the code hands over with: a lock's state). For `Inv`, between two mappings with
/// the same keys: at every key one is at most, or exactly, a factor (1, or a literal the code
/// multiplies by) times the other. Houdini keeps those that every clause defining the relation
/// preserves, assuming the kept facts of every relation application in its body (checked with
/// one key for all per-key candidates: a failure at some key is a failure at that key). The
/// clauses given to Spacer carry the kept facts after every application (per-key facts at the
/// keys the clause reads or writes); a solution is then checked against the original clauses
/// with each relation defined as Spacer's interpretation and its facts, quantified, so a proof
/// never rests on the search here.
struct RelationFacts {
    /// Which relation, and where its arguments hold the states the templates speak of.
    enum Relation {
        /// `Ext`: the states before and after the calls.
        case handover(HandoverLayout)
        /// `Inv`: one committed state (its first `stateSize` arguments; the clock follows).
        case committed(stateSize: Int)

        var name: String {
            switch self {
            case .handover: "Ext"
            case .committed: "Inv"
            }
        }

        /// The states in an application's arguments (for `Inv`, its state twice).
        func states(_ arguments: [Term]) -> (pre: [Term], post: [Term])? {
            switch self {
            case .handover(let layout):
                return layout.states(arguments)
            case .committed(let size):
                guard arguments.count >= size else { return nil }
                let state = Array(arguments.prefix(size))
                return (state, state)
            }
        }
    }

    /// One template's instance: `atom`, under `condition` (part `position` of the state before
    /// equals `value`) when there is one.
    struct Candidate {
        let condition: (position: Int, value: Term)?
        let atom: Atom
    }

    /// A relation between the state before (`pre`) and after (`post`), or within one state.
    enum Atom {
        /// `post[i] == pre[i]`.
        case unchanged(Int)
        /// `post[i] >= pre[i]` (or `<=`, when not `grows`).
        case monotone(Int, grows: Bool)
        /// `post[i][k] >= pre[i][k]` (or `<=`) for every key `k` of a mapping.
        case everyKey(Int, grows: Bool)
        /// `post[a] - pre[a] >= post[b] - pre[b]`: `a` gains at least what `b` gains.
        case gainsAtLeast(Int, than: Int)
        /// `post[i][k] <= factor * post[j][k]` (`==` when `exactly`) for every key `k`.
        case bounded(Int, by: Int, factor: BigInt, exactly: Bool)
    }

    let relation: Relation
    /// The sorts of the relation's arguments.
    let domain: [Sort]
    /// The candidates every clause defining the relation preserves.
    let kept: [Candidate]

    /// The candidate as a term over the states `pre` and `post`, its per-key atoms at each of
    /// `keys`, or quantified over a bound key when `keys` is nil.
    static func instance(_ c: Candidate, pre: [Term], post: [Term], keys: [Term]?) -> Term {
        func everyKey(_ array: Term, _ at: (Term) -> Term) -> Term {
            if let keys { return Term.and(keys.filter { $0.sort == array.sort.arrayIndex }.map(at)) }
            let key = Term.constant("vigil.key", array.sort.arrayIndex ?? .int)
            return Term.forall([key], at(key))
        }
        let atom: Term
        switch c.atom {
        case .unchanged(let i):
            atom = Term.eq(post[i], pre[i])
        case .monotone(let i, let grows):
            atom = grows ? Term.ge(post[i], pre[i]) : Term.le(post[i], pre[i])
        case .everyKey(let i, let grows):
            atom = everyKey(post[i]) { k in
                let (after, before) = (Term.select(post[i], k), Term.select(pre[i], k))
                return grows ? Term.ge(after, before) : Term.le(after, before)
            }
        case .gainsAtLeast(let a, let b):
            atom = Term.ge(Term.sub(post[a], pre[a]), Term.sub(post[b], pre[b]))
        case .bounded(let i, let j, let factor, let exactly):
            atom = everyKey(post[i]) { k in
                let (value, bound) = (Term.select(post[i], k), Term.mul(.int(factor), Term.select(post[j], k)))
                return exactly ? Term.eq(value, bound) : Term.le(value, bound)
            }
        }
        guard let condition = c.condition else { return atom }
        return Term.implies(Term.eq(pre[condition.position], condition.value), atom)
    }

    /// The kept facts about an application's `arguments`, per-key ones at `keys`.
    func facts(_ arguments: [Term], keys: [Term]?) -> [Term] {
        guard let (pre, post) = relation.states(arguments) else { return [] }
        return kept.map { Self.instance($0, pre: pre, post: post, keys: keys) }
    }

    /// The relation's definition in a certificate: the kept facts over its parameters, per-key ones quantified.
    func definition() -> Term {
        let parameters = domain.indices.map { Term.constant(HornSolution.parameter($0), domain[$0]) }
        return Term.and(facts(parameters, keys: nil))
    }

    /// `invariant` (the text of a certificate's `Inv`) with the kept facts about committed
    /// states after it, over the contract's `names` (`forall k: debt[k] <= 2000 * collateral[k]`);
    /// facts about handovers are not part of it.
    func described(names: [String], after invariant: String) -> String {
        guard case .committed = relation else { return invariant }
        let parts = kept.compactMap { c -> String? in
            guard case .bounded(let i, let j, let factor, let exactly) = c.atom, i < names.count, j < names.count
            else { return nil }
            let scaled = factor == 1 ? "\(names[j])[k]" : "\(factor) * \(names[j])[k]"
            return "(forall k: \(names[i])[k] \(exactly ? "==" : "<=") \(scaled))"
        }
        return ([invariant == "true" && !parts.isEmpty ? nil : invariant].compactMap { $0 } + parts).joined(
            separator: " && ")
    }

    /// `clause` with the facts of `known` after each application of their relations in its
    /// body, per-key ones at the keys the clause reads or writes.
    static func strengthen(_ clause: Term, with known: [RelationFacts]) -> Term {
        guard !known.isEmpty, let parts = HornClause(clause) else { return clause }
        let keys = parts.keys
        let added = parts.premises.flatMap { application in
            known.filter { $0.relation.name == application.predicateName }.flatMap {
                $0.facts(application.arguments, keys: keys)
            }
        }
        return added.isEmpty ? clause : parts.rebuilt(adding: added)
    }

    /// Finds the facts of `relation` for `clauses` (a contract's clauses without its queries),
    /// given those already `known` of other relations; nil when there are none to keep, or the
    /// solver gave up.
    static func find(
        _ relation: Relation, in clauses: [Term], known: [RelationFacts], solverFactory: any SolverFactory,
        options: SolverOptions
    ) throws -> RelationFacts? {
        // A clause not taken apart could break a fact: then there are none (the certificate
        // check would reject them anyway).
        let parsed = clauses.compactMap(HornClause.init)
        guard parsed.count == clauses.count else { return nil }
        let name = relation.name
        let defining = parsed.filter { $0.head?.predicateName == name }
        guard let sample = defining.first?.head, let (pre, _) = relation.states(sample.arguments) else { return nil }
        let sorts = pre.map(\.sort)
        var alive: [Candidate]
        switch relation {
        case .handover(let layout):
            // No handover in the code: `Ext` is applied only in its own definition, and nothing needs facts about it.
            guard parsed.contains(where: { $0.head?.predicateName != name && $0.applies(name) }) else { return nil }
            alive = handoverCandidates(sorts: sorts, conditions: conditions(parsed, relation), layout: layout)
        case .committed:
            alive = committedCandidates(sorts: sorts, factors: factors(in: clauses))
        }
        guard !alive.isEmpty else { return nil }
        var changed = true
        while changed, !alive.isEmpty {
            changed = false
            for clause in defining {
                let before = alive.count
                guard
                    try preserve(
                        &alive, clause, relation: relation, known: known, solverFactory: solverFactory,
                        options: options)
                else { return nil }
                if alive.count < before { changed = true }
            }
        }
        return alive.isEmpty
            ? nil : RelationFacts(relation: relation, domain: sample.arguments.map(\.sort), kept: alive)
    }

    /// The conditions worth trying: each part of a state handed over that is a literal in some
    /// clause (in the order first seen), a few at most.
    private static func conditions(_ clauses: [HornClause], _ relation: Relation) -> [(Int, Term)] {
        var found: [(Int, Term)] = []
        var seen: Set<[Term]> = []
        for clause in clauses {
            for application in clause.premises where application.predicateName == relation.name {
                guard let (pre, _) = relation.states(application.arguments) else { continue }
                for (i, t) in pre.enumerated() {
                    for value in t.literalOutcomes where seen.insert([.int(i), value]).inserted {
                        found.append((i, value))
                    }
                }
            }
        }
        return Array(found.prefix(maximumConditions))
    }

    static let maximumConditions = 6

    /// The factors worth trying between two mappings: 1, and the literals the code multiplies
    /// by (below 2^64), a few at most.
    private static func factors(in clauses: [Term]) -> [BigInt] {
        var found: [BigInt] = [1]
        var visited: Set<ObjectIdentifier> = []
        var stack = clauses
        while let t = stack.popLast(), found.count <= maximumFactors {
            guard visited.insert(ObjectIdentifier(t)).inserted else { continue }
            switch t.kind {
            case .apply(let op, let arguments):
                if op == .mul {
                    for a in arguments {
                        if let v = a.intLiteralValue, v > 1, v < BigInt(1) << 64, !found.contains(v) { found.append(v) }
                    }
                }
                stack.append(contentsOf: arguments)
            case .quantifier(_, _, let body):
                stack.append(body)
            default:
                break
            }
        }
        return found.sorted()
    }

    static let maximumFactors = 3

    /// Every `Ext` template's instance over a state of `sorts`, alone and under each condition.
    private static func handoverCandidates(sorts: [Sort], conditions: [(Int, Term)], layout: HandoverLayout)
        -> [Candidate]
    {
        var atoms: [Atom] = []
        for (i, sort) in sorts.enumerated() {
            atoms.append(.unchanged(i))
            switch sort {
            case .int:
                atoms += [.monotone(i, grows: true), .monotone(i, grows: false)]
            case .array(_, .int):
                atoms += [.everyKey(i, grows: true), .everyKey(i, grows: false)]
            default:
                break
            }
        }
        let scalars = sorts.indices.filter { sorts[$0] == .int && !layout.sums.contains($0) }
        for s in layout.sums {
            for v in scalars { atoms += [.gainsAtLeast(v, than: s), .gainsAtLeast(s, than: v)] }
        }
        let guards: [(position: Int, value: Term)?] = [nil] + conditions.map { Optional(($0.0, $0.1)) }
        return guards.flatMap { g in atoms.map { Candidate(condition: g, atom: $0) } }
    }

    /// Every `Inv` template's instance over a state of `sorts`: between each two mappings of
    /// integers with the same keys, each factor, at most and exactly.
    private static func committedCandidates(sorts: [Sort], factors: [BigInt]) -> [Candidate] {
        let mappings = sorts.indices.filter { if case .array(_, .int) = sorts[$0] { true } else { false } }
        var atoms: [Atom] = []
        for i in mappings {
            for j in mappings where j != i && sorts[j] == sorts[i] {
                for f in factors {
                    atoms += [
                        .bounded(i, by: j, factor: f, exactly: false), .bounded(i, by: j, factor: f, exactly: true),
                    ]
                }
            }
        }
        return atoms.map { Candidate(condition: nil, atom: $0) }
    }

    /// Drops from `alive` the candidates `clause` (one defining `relation`) does not preserve,
    /// until it preserves the rest; false when the solver gave up.
    private static func preserve(
        _ alive: inout [Candidate], _ clause: HornClause, relation: Relation, known: [RelationFacts],
        solverFactory: any SolverFactory, options: SolverOptions
    ) throws -> Bool {
        guard let head = clause.head, let (pre, post) = relation.states(head.arguments) else { return false }
        let solver = try solverFactory.makeSolver(options: options)
        for premise in clause.premises { try solver.assert(premise) }
        // One key per index sort for every per-key candidate of the head: a failure at some key is one at it.
        let witnesses = Set(pre.compactMap(\.sort.arrayIndex)).sorted { "\($0)" < "\($1)" }.map {
            Term.constant("houdini.key.\($0)", $0)
        }
        let keys = clause.keys + witnesses
        for facts in known {
            for application in clause.premises where application.predicateName == facts.relation.name {
                for fact in facts.facts(application.arguments, keys: keys) { try solver.assert(fact) }
            }
        }
        while !alive.isEmpty {
            try solver.push()
            let hypotheses = RelationFacts(relation: relation, domain: [], kept: alive)
            for application in clause.premises where application.predicateName == relation.name {
                for fact in hypotheses.facts(application.arguments, keys: keys) { try solver.assert(fact) }
            }
            var broken: [Term] = []
            for (i, c) in alive.enumerated() {
                let flag = Term.constant("houdini.broken.\(i)", .bool)
                try solver.assert(Term.eq(flag, Term.not(instance(c, pre: pre, post: post, keys: witnesses))))
                broken.append(flag)
            }
            try solver.assert(Term.or(broken))
            let result = try solver.check()
            switch result {
            case .unsat:
                try solver.pop()
                return true
            case .sat:
                let model = try solver.model()
                var survivors: [Candidate] = []
                for (c, flag) in zip(alive, broken) where try model.evaluate(flag).boolValue != true {
                    survivors.append(c)
                }
                try solver.pop()
                guard survivors.count < alive.count else { return false }
                alive = survivors
            case .unknown:
                try solver.pop()
                return false
            }
        }
        return true
    }
}
