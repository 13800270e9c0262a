import SMT
import VigilLowering

/// Facts about what the environment's calls can do while it holds control: conjuncts of
/// `Ext(env, pre, post)`'s interpretation that the unbounded engine finds before Spacer runs,
/// so that Spacer need not. Per-key facts (`forall k: post.balances[k] >= pre.balances[k]`)
/// are the ones Spacer rarely finds itself, and lock states (`pre.status == 2 ==>
/// post.sold == pre.sold`) the ones a re-entrant call guarded by a lock needs.
///
/// Candidates come from templates over the state's parts: unchanged, no smaller, no larger (for
/// every key of a mapping too), ether gained against a ghost sum's gain, each alone or under a
/// condition that a part of the state handed over equals a literal (the values a handover in
/// the code hands over with: a lock's state). Houdini keeps those that every clause defining
/// `Ext` preserves, assuming the kept ones of the `Ext` applications in its body (checked with
/// one key for all per-key candidates: a failure at some key is a failure at that key). The
/// clauses given to Spacer carry the kept facts after every `Ext` application (per-key facts
/// at the keys the clause reads or writes); a solution is then checked against the original
/// clauses with `Ext` defined as Spacer's interpretation and the facts, quantified, so a proof
/// never rests on the search here.
struct HandoverFacts {
    /// One template's instance: `atom`, under `condition` (part `position` of the state handed
    /// over equals `value`) when there is one.
    struct Candidate: Hashable {
        let condition: (position: Int, value: Term)?
        let atom: Atom

        static func == (a: Candidate, b: Candidate) -> Bool {
            a.atom == b.atom && a.condition?.position == b.condition?.position
                && a.condition?.value == b.condition?.value
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(atom)
            hasher.combine(condition?.position)
            hasher.combine(condition?.value)
        }
    }

    /// A relation between the state before (`pre`) and after (`post`) the calls.
    enum Atom: Hashable {
        /// `post[i] == pre[i]`.
        case unchanged(Int)
        /// `post[i] >= pre[i]` (or `<=`, when not `grows`).
        case monotone(Int, grows: Bool)
        /// `post[i][k] >= pre[i][k]` (or `<=`) for every key `k` of a mapping.
        case everyKey(Int, grows: Bool)
        /// `post[a] - pre[a] >= post[b] - pre[b]`: `a` gains at least what `b` gains.
        case gainsAtLeast(Int, than: Int)
    }

    let layout: HandoverLayout
    /// The sorts of `Ext`'s arguments.
    let domain: [Sort]
    /// The candidates every clause defining `Ext` preserves.
    let kept: [Candidate]

    /// The candidate as a term over the states `pre` and `post`, its per-key atoms at each of
    /// `keys`, or quantified over a bound `key` when `keys` is nil.
    static func instance(_ c: Candidate, pre: [Term], post: [Term], keys: [Term]?) -> Term {
        let atom: Term
        switch c.atom {
        case .unchanged(let i):
            atom = Term.eq(post[i], pre[i])
        case .monotone(let i, let grows):
            atom = grows ? Term.ge(post[i], pre[i]) : Term.le(post[i], pre[i])
        case .everyKey(let i, let grows):
            func at(_ k: Term) -> Term {
                let (after, before) = (Term.select(post[i], k), Term.select(pre[i], k))
                return grows ? Term.ge(after, before) : Term.le(after, before)
            }
            if let keys {
                atom = Term.and(keys.map(at))
            } else {
                let key = Term.constant("vigil.key", pre[i].sort.arrayIndex ?? .int)
                atom = Term.forall([key], at(key))
            }
        case .gainsAtLeast(let a, let b):
            atom = Term.ge(Term.sub(post[a], pre[a]), Term.sub(post[b], pre[b]))
        }
        guard let condition = c.condition else { return atom }
        return Term.implies(Term.eq(pre[condition.position], condition.value), atom)
    }

    /// The kept facts about the states in `arguments` (an `Ext` application's), per-key ones at `keys`.
    func facts(_ arguments: [Term], keys: [Term]?) -> [Term] {
        guard let (pre, post) = layout.states(arguments) else { return [] }
        return kept.map { Self.instance($0, pre: pre, post: post, keys: keys) }
    }

    /// `clause` with the kept facts after each `Ext` application of its body, per-key ones at
    /// the keys the clause reads or writes.
    func strengthen(_ clause: Term) -> Term {
        guard !kept.isEmpty, let parts = HornClause(clause) else { return clause }
        let applications = parts.premises.filter(\.isHandover)
        guard !applications.isEmpty else { return clause }
        let keys = parts.keys
        let added = applications.flatMap { self.facts($0.arguments, keys: keys) }
        return parts.rebuilt(adding: added)
    }

    /// `Ext`'s definition in a certificate: the kept facts over its parameters, per-key ones quantified.
    func definition() -> Term {
        let parameters = domain.indices.map { Term.constant(HornSolution.parameter($0), domain[$0]) }
        return Term.and(facts(parameters, keys: nil))
    }

    /// Finds the facts for `clauses` (a contract's clauses without its queries); nil when there
    /// are none to keep, or the solver gave up.
    static func find(
        in clauses: [Term], layout: HandoverLayout, solverFactory: any SolverFactory, options: SolverOptions
    ) throws -> HandoverFacts? {
        let parsed = clauses.compactMap(HornClause.init)
        let defining = parsed.filter { $0.head?.isHandover == true }
        // No handover in the code: `Ext` is applied only in its own definition, and nothing needs facts about it.
        let used = parsed.contains { $0.head?.isHandover != true && $0.premises.contains(where: \.isHandover) }
        guard used, !defining.isEmpty, let sample = defining.first?.head, let (pre, _) = layout.states(sample.arguments)
        else { return nil }
        var alive = candidates(sorts: pre.map(\.sort), conditions: conditions(parsed, layout), layout: layout)
        var changed = true
        while changed, !alive.isEmpty {
            changed = false
            for clause in defining {
                let before = alive.count
                guard try preserve(&alive, clause, layout: layout, solverFactory: solverFactory, options: options)
                else { return nil }
                if alive.count < before { changed = true }
            }
        }
        return alive.isEmpty ? nil : HandoverFacts(layout: layout, domain: sample.arguments.map(\.sort), kept: alive)
    }

    /// The conditions worth trying: each part of a state handed over that is a literal in some
    /// clause (in the order first seen), a few at most.
    private static func conditions(_ clauses: [HornClause], _ layout: HandoverLayout) -> [(Int, Term)] {
        var found: [(Int, Term)] = []
        var seen: Set<[Int: Term]> = []
        for clause in clauses {
            for application in clause.premises where application.isHandover {
                guard let (pre, _) = layout.states(application.arguments) else { continue }
                for (i, t) in pre.enumerated() {
                    for value in t.literalOutcomes where seen.insert([i: value]).inserted { found.append((i, value)) }
                }
            }
        }
        return Array(found.prefix(maximumConditions))
    }

    static let maximumConditions = 6

    /// Every template's instance over a state of `sorts`, alone and under each condition.
    private static func candidates(sorts: [Sort], conditions: [(Int, Term)], layout: HandoverLayout)
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

    /// Drops from `alive` the candidates `clause` (one defining `Ext`) does not preserve, until it
    /// preserves the rest; false when the solver gave up.
    private static func preserve(
        _ alive: inout [Candidate], _ clause: HornClause, layout: HandoverLayout, solverFactory: any SolverFactory,
        options: SolverOptions
    ) throws -> Bool {
        guard let head = clause.head, let (pre, post) = layout.states(head.arguments) else { return true }
        let solver = try solverFactory.makeSolver(options: options)
        for premise in clause.premises { try solver.assert(premise) }
        // One key for every per-key candidate of the head: a failure at some key is one at it.
        var keys = clause.keys
        let witnesses = Set(pre.compactMap(\.sort.arrayIndex)).sorted { "\($0)" < "\($1)" }.map {
            Term.constant("houdini.key.\($0)", $0)
        }
        keys += witnesses
        while !alive.isEmpty {
            try solver.push()
            let hypotheses = HandoverFacts(layout: layout, domain: [], kept: alive)
            for application in clause.premises where application.isHandover {
                for fact in hypotheses.facts(application.arguments, keys: keys) { try solver.assert(fact) }
            }
            var broken: [Term] = []
            for (i, c) in alive.enumerated() {
                let flag = Term.constant("houdini.broken.\(i)", .bool)
                let goal = instance(c, pre: pre, post: post, keys: keyFor(c, pre: pre, witnesses))
                try solver.assert(Term.eq(flag, Term.not(goal)))
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

    /// The witness key of a per-key candidate's index sort.
    private static func keyFor(_ c: Candidate, pre: [Term], _ witnesses: [Term]) -> [Term] {
        guard case .everyKey(let i, _) = c.atom, let index = pre[i].sort.arrayIndex else { return [] }
        return witnesses.filter { $0.sort == index }
    }
}

/// A clause `forall xs. premises => head` taken apart (`head` nil for `false`).
struct HornClause {
    let bound: [Term]
    let premises: [Term]
    let head: Term?
    private let original: Term

    init?(_ clause: Term) {
        original = clause
        var body = clause
        var bound: [Term] = []
        if case .quantifier(true, let variables, let inner) = clause.kind {
            bound = variables
            body = inner
        }
        self.bound = bound
        switch body.kind {
        case .apply(.implies, let parts) where parts.count == 2:
            premises = parts[0].conjuncts
            head = parts[1].boolLiteralValue == false ? nil : parts[1]
        case .apply(.not, let parts) where parts.count == 1:
            premises = parts[0].conjuncts
            head = nil
        case .apply(let op, _) where op.isPredicate:
            premises = []
            head = body
        default:
            return nil
        }
    }

    /// The clause with `facts` added to its premises.
    func rebuilt(adding facts: [Term]) -> Term {
        Term.forall(bound, Term.implies(Term.and(premises + facts), head ?? .false))
    }

    /// The index terms of every `select` and `store` in the clause (outside quantifiers), each once, in first-seen order.
    var keys: [Term] {
        var found: [Term] = []
        var seen: Set<Term> = []
        var visited: Set<ObjectIdentifier> = []
        var stack = (premises + (head.map { [$0] } ?? [])).reversed() as [Term]
        while let t = stack.popLast() {
            guard visited.insert(ObjectIdentifier(t)).inserted else { continue }
            guard case .apply(let op, let arguments) = t.kind else { continue }
            if op == .select || op == .store, arguments.count >= 2, !arguments[1].sort.isArray,
                seen.insert(arguments[1]).inserted
            {
                found.append(arguments[1])
            }
            stack.append(contentsOf: arguments.reversed())
        }
        return Array(found.prefix(Self.maximumKeys))
    }

    static let maximumKeys = 24
}

extension Term {
    /// The literals this term can be: itself, or those of an `ite`'s branches (a state merged
    /// with the path that reverted before a handover holds the value handed over in a branch).
    var literalOutcomes: [Term] {
        if intLiteralValue != nil || boolLiteralValue != nil { return [self] }
        if case .apply(.ite, let parts) = kind, parts.count == 3 {
            return parts[1].literalOutcomes + parts[2].literalOutcomes
        }
        return []
    }

    /// Whether this is an application of `Ext`.
    var isHandover: Bool {
        if case .apply(.predicate(let name, _), _) = kind { return name == "Ext" }
        return false
    }
}

extension Term.Op {
    var isPredicate: Bool {
        if case .predicate = self { return true }
        return false
    }
}

extension Sort {
    var arrayIndex: Sort? {
        if case .array(let index, _) = self { return index }
        return nil
    }

    var isArray: Bool { arrayIndex != nil }
}
