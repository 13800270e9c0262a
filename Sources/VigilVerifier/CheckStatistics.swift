import SMT
import VigilLowering

/// Where the time of a check went, for `--verbose` and the benchmarks.
public struct CheckStatistics: Sendable, Codable {
    /// Time inside the solver: translating terms, asserting and checking.
    public var solverSeconds: Double = 0
    /// Time replaying counterexamples in the interpreter.
    public var replaySeconds: Double = 0
    /// Time of the unbounded engine (on its own thread beside the bounded one with `--engine auto`).
    public var proofSeconds: Double = 0
    /// Time spent waiting for the unbounded engine after everything else was done.
    public var proofWaitSeconds: Double = 0
    /// Time of the whole check.
    public var totalSeconds: Double = 0
    /// Queries sent to the solver.
    public var queries = 0
    /// Z3 resource units spent (rlimit count).
    public var resourceUsage: UInt64 = 0
    /// At each call that hands over control (`path:line:col`), how many entry points the
    /// bounded engine's re-entrant calls may return from there, of those offered.
    public var handovers: [String: HandoverCandidates] = [:]

    public init() {}

    /// Adds another check's figures.
    public mutating func add(_ other: CheckStatistics) {
        solverSeconds += other.solverSeconds
        replaySeconds += other.replaySeconds
        proofSeconds += other.proofSeconds
        proofWaitSeconds += other.proofWaitSeconds
        totalSeconds += other.totalSeconds
        queries += other.queries
        resourceUsage += other.resourceUsage
        for (site, counts) in other.handovers { note(counts, at: site) }
    }

    /// Notes what a call that hands over control kept (the most over every encoding of it).
    public mutating func note(_ counts: HandoverCandidates, at site: String) {
        handovers[site] = counts.merged(with: handovers[site])
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Forwards to a solver and measures the time spent in it, making it included (a Z3 context
/// takes milliseconds to set up).
final class TimedSolver: Solver {
    let inner: any Solver
    private(set) var seconds: Double = 0
    private(set) var queries = 0
    private let clock = ContinuousClock()

    init(making make: () throws -> any Solver) rethrows {
        let start = clock.now
        inner = try make()
        seconds = (clock.now - start).seconds
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> T {
        let start = clock.now
        defer { seconds += (clock.now - start).seconds }
        return try body()
    }

    func assert(_ t: Term) throws { try timed { try inner.assert(t) } }
    func push() throws { try timed { try inner.push() } }
    func pop() throws { try timed { try inner.pop() } }
    func check(assumptions: [Term], rlimit: UInt64?) throws -> CheckResult {
        queries += 1
        return try timed { try inner.check(assumptions: assumptions, rlimit: rlimit) }
    }
    func model() throws -> any Model { try timed { try inner.model() } }
    var resourceUsage: UInt64 { inner.resourceUsage }
    var name: String { inner.name }
}
