import VigilTrace

/// Where a check is: reported to `ModelChecker.progress` before each depth of each encoding.
public struct CheckProgress: Sendable, Equatable {
    public var contract: String
    /// The properties still undecided in this encoding.
    public var properties: [String]
    /// The depth (transactions after the constructor) about to be checked, and the bound.
    public var depth: Int
    public var maximumDepth: Int
    /// A search for counterexamples with re-entry bounds below the run's, before the full ones
    /// (cheapest questions first); nil for the full bounds.
    public var searching: Bounds?

    public init(contract: String, properties: [String], depth: Int, maximumDepth: Int, searching: Bounds? = nil) {
        self.contract = contract
        self.properties = properties
        self.depth = depth
        self.maximumDepth = maximumDepth
        self.searching = searching
    }
}
