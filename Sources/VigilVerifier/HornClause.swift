import SMT

/// A clause `forall xs. premises => head` taken apart (`head` nil for `false`).
struct HornClause {
    let bound: [Term]
    let premises: [Term]
    let head: Term?

    init?(_ clause: Term) {
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
        default:
            guard body.predicateName != nil else { return nil }
            premises = []
            head = body
        }
    }

    /// Whether the predicate `name` is applied in the clause's premises.
    func applies(_ name: String) -> Bool {
        premises.contains { $0.predicateName == name }
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

    /// The name of the predicate this applies, if it is an application of one.
    var predicateName: String? {
        if case .apply(.predicate(let name, _), _) = kind { return name }
        return nil
    }
}
