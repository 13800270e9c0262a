/// Solving constrained Horn clauses: is `false` derivable from the clauses?
///
/// A clause is a Bool term `forall xs. body => head`, where `head` is a predicate application
/// (`Term.predicate`) or `false`, and `body` a conjunction of predicate applications and constraints.
public protocol HornSolver: AnyObject {
    /// Adds a clause.
    func add(_ clause: Term) throws
    /// Solves the system: `.safe` with an interpretation of every predicate that makes every
    /// clause true (so `false` is not derivable), `.unsafe` when `false` is derivable.
    func solve() throws -> HornResult
    /// Checks `solution` against every clause added, with a fresh solver that shares nothing with
    /// the one that found it: each clause, with the predicates replaced by their interpretations,
    /// must be valid.
    func validate(_ solution: HornSolution) throws -> CertificateCheck
    /// The cumulative resource count spent.
    var resourceUsage: UInt64 { get }
}

/// The answer of a Horn solver.
public enum HornResult: Sendable {
    case safe(HornSolution)
    case unsafe
    case unknown(GiveUp)
}

/// An interpretation of each predicate, as SMT-LIB `define-fun` text over its arguments `x!0`, `x!1`, …
public struct HornSolution: Sendable, Hashable {
    /// `(define-fun P ((vigil!0 Int) (vigil!1 Int)) Bool body)` by predicate name.
    public let definitions: [String: String]
    public init(definitions: [String: String]) {
        self.definitions = definitions
    }

    /// The name of a definition's `i`th parameter. Not `x!i`: Spacer names the variables it
    /// quantifies `x!N`, and a parameter of that name would be captured by them.
    public static func parameter(_ i: Int) -> String { "\(parameterPrefix)\(i)" }

    /// What every parameter's name starts with, followed by its position.
    public static let parameterPrefix = "vigil!"

    /// This solution with `name`'s interpretation conjoined with `fact`, a Bool term over the
    /// parameters `Term.constant(parameter(i), domain[i])`: the interpretation found is kept
    /// under a name of its own, and `name` is defined as it and `fact`. Nil when `name` has no
    /// interpretation here.
    public func conjoining(_ name: String, domain: [Sort], _ fact: Term) -> HornSolution? {
        let found = "\(name)!found"
        guard let definition = definitions[name], definition.hasPrefix("(define-fun \(name) ") else { return nil }
        let kept = "(define-fun \(found) " + definition.dropFirst("(define-fun \(name) ".count)
        let parameters = domain.indices.map { "(\(Self.parameter($0)) \(domain[$0]))" }
        let arguments = domain.indices.map { Self.parameter($0) }
        let conjoined =
            "(define-fun \(name) (\(parameters.joined(separator: " "))) Bool "
            + "(and (\(found) \(arguments.joined(separator: " "))) \(fact)))"
        var changed = definitions
        changed[name] = kept + "\n" + conjoined
        return HornSolution(definitions: changed)
    }
}

/// What the independent check of a solution found.
public enum CertificateCheck: Sendable, Hashable {
    case valid
    case rejected(String)
}

extension Term {
    /// `name(arguments…)`: an application of an uninterpreted predicate of a Horn system.
    public static func predicate(_ name: String, _ arguments: [Term]) -> Term {
        Term(kind: .apply(.predicate(name: name, domain: arguments.map(\.sort)), arguments), sort: .bool)
    }

    /// True when a quantifier occurs in the term (shared subterms are visited once).
    public var containsQuantifier: Bool { contains { if case .quantifier = $0.kind { true } else { false } } }

    /// True when one of `operators` is applied somewhere in the term.
    public func applies(_ operators: Set<Op>) -> Bool {
        contains { if case .apply(let op, _) = $0.kind { operators.contains(op) } else { false } }
    }

    /// True when some subterm (the term itself included) satisfies `test`; shared subterms are visited once.
    private func contains(_ test: (Term) -> Bool) -> Bool {
        var seen: Set<ObjectIdentifier> = []
        var stack: [Term] = [self]
        while let t = stack.popLast() {
            guard seen.insert(ObjectIdentifier(t)).inserted else { continue }
            if test(t) { return true }
            switch t.kind {
            case .apply(_, let args): stack.append(contentsOf: args)
            case .constArray(_, let value): stack.append(value)
            case .quantifier(_, _, let body): stack.append(body)
            default: break
            }
        }
        return false
    }

    /// The constants occurring in the term (each once, in first-seen order).
    public var constants: [Term] {
        var seen: Set<ObjectIdentifier> = []
        var found: [Term] = []
        var names: Set<Term> = []
        var stack: [Term] = [self]
        while let t = stack.popLast() {
            guard seen.insert(ObjectIdentifier(t)).inserted else { continue }
            switch t.kind {
            case .constant: if names.insert(t).inserted { found.append(t) }
            case .apply(_, let args): stack.append(contentsOf: args.reversed())
            case .constArray(_, let value): stack.append(value)
            case .quantifier(_, _, let body): stack.append(body)
            default: break
            }
        }
        return found
    }
}
