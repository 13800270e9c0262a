/// The bounds of the bounded encoding (docs/LANGUAGE-REFERENCE.md, "Bounds and verdicts").
public struct Bounds: Sendable, Hashable, Codable {
    /// Top-level transactions after the constructor.
    public var depth: Int
    /// Nesting depth of re-entrant calls (0: a handover returns without calls).
    public var reentrancy: Int
    /// Calls the environment makes in one handover.
    public var reentrantCalls: Int
    /// Loop unrolling.
    public var loops: Int

    public init(depth: Int = 4, reentrancy: Int = 2, reentrantCalls: Int = 2, loops: Int = 4) {
        self.depth = depth
        self.reentrancy = reentrancy
        self.reentrantCalls = reentrantCalls
        self.loops = loops
    }
}
