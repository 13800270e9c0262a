/// A solver made of two configurations of the same question: each check goes to `first`, and when
/// `first` uses up its resource limit, the same check goes to a second solver with its own budget.
///
/// Sat and unsat answers are taken from whichever solver gave them; a check stopped or interrupted
/// (rather than out of budget) is not asked again. The second solver is made on the first fallback
/// and given every assertion still in scope; from then on it follows every assertion, push and
/// pop. So a question costs at most two budgets, and the answers stay deterministic: which solver
/// answers depends on resource counts alone.
public final class FallbackSolver: Solver {
    private let first: any Solver
    private let makeSecond: () throws -> any Solver
    private var second: (any Solver)?
    /// The assertions of each open scope (the outermost first), replayed into the second solver when it is made.
    private var scopes: [[Term]] = [[]]
    /// The solver whose last check answered sat, which `model()` reads.
    private var answered: (any Solver)?

    /// A solver asking `first`, then, when it runs out of budget, the solver `makeSecond` makes.
    public init(first: any Solver, second makeSecond: @escaping () throws -> any Solver) {
        self.first = first
        self.makeSecond = makeSecond
    }

    public func assert(_ t: Term) throws {
        answered = nil
        try first.assert(t)
        if let second { try second.assert(t) } else { scopes[scopes.count - 1].append(t) }
    }

    public func push() throws {
        answered = nil
        try first.push()
        if let second { try second.push() } else { scopes.append([]) }
    }

    public func pop() throws {
        answered = nil
        try first.pop()
        if let second { try second.pop() } else { scopes.removeLast() }
    }

    public func check(assumptions: [Term], rlimit: UInt64?) throws -> CheckResult {
        answered = nil
        let outcome = try first.check(assumptions: assumptions, rlimit: rlimit)
        guard outcome.exhaustedResourceLimit else {
            if outcome == .sat { answered = first }
            return outcome
        }
        let fallback = try secondSolver()
        let again = try fallback.check(assumptions: assumptions, rlimit: rlimit)
        if again == .sat { answered = fallback }
        return again
    }

    public func model() throws -> any Model {
        guard let answered else {
            throw SolverError("no model: the last check did not return sat, or the solver changed since")
        }
        return try answered.model()
    }

    public var resourceUsage: UInt64 { first.resourceUsage + (second?.resourceUsage ?? 0) }

    public var name: String { first.name }

    /// The second solver, made and brought up to the first's assertions and scopes on first use.
    private func secondSolver() throws -> any Solver {
        if let second { return second }
        let made = try makeSecond()
        for (index, scope) in scopes.enumerated() {
            if index > 0 { try made.push() }
            for t in scope { try made.assert(t) }
        }
        scopes = []
        second = made
        return made
    }
}
