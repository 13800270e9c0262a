import VigilBasics
import VigilLowering
import VigilSema
import VigilTrace

/// Options of one check run; CLI flags and `// @option` keys use the same words.
public struct CheckOptions: Sendable, Hashable {
    public var bounds: Bounds
    /// Z3 resource limit per query (machine-independent budget).
    public var rlimit: UInt64?
    /// Wall-clock safety net per query, in milliseconds; ends in `unknown`.
    public var timeoutMilliseconds: UInt64?
    /// Which engines decide.
    public var engine: Engine
    /// The properties to check (all by default).
    public var selection = PropertySelection.all
    /// The kinds of checks in the code that are judged (`--checks`): by default asserts and panics.
    public var checks: Set<CodeCheck> = [.assert, .panic]

    public init(
        bounds: Bounds = Bounds(), rlimit: UInt64? = 20_000_000, timeoutMilliseconds: UInt64? = 60_000,
        engine: Engine = .auto
    ) {
        self.bounds = bounds
        self.rlimit = rlimit
        self.timeoutMilliseconds = timeoutMilliseconds
        self.engine = engine
    }

    /// The rlimit of a query that gets a `share`-th of the budget (at least 1); nil when there is
    /// no limit (`rlimit` nil or 0, as in Z3).
    func rlimit(share: UInt64) -> UInt64? {
        guard let rlimit, rlimit > 0 else { return nil }
        return max(1, rlimit / share)
    }
}

/// A kind of check in the code (`--checks`): the code's `assert`s, Solidity's panics that
/// signal a bug (`panic@LINE:COL`), `unchecked` steps that wrap (`unchecked@LINE:COL`).
public enum CodeCheck: String, Sendable, Hashable, CaseIterable, Codable {
    case assert, panic, unchecked

    /// The kind of check `info` is.
    public init(_ info: AssertInfo) {
        switch info.builtIn {
        case nil: self = .assert
        case .divisionByZero?, .enumOutOfRange?, .indexOutOfBounds?, .emptyArrayPop?: self = .panic
        case .uncheckedWrap?: self = .unchecked
        }
    }

    /// The kind of property a check of this kind is.
    var propertyKind: PropertyKind {
        switch self {
        case .assert: .assertion
        case .panic: .panic
        case .unchecked: .unchecked
        }
    }
}

/// The result for one property of one contract.
public struct PropertyResult: Sendable {
    public var contract: String
    public var property: PropertyReference
    public var verdict: Verdict
    /// Where the property is written.
    public var range: SourceRange
    /// The bounds the verdict rests on (for `holds` and bounded `violated`).
    public var bounds: Bounds
    /// What the result rests on: bounds, `trusted` addresses, loop cuts, abstractions.
    public var assumptions: [String]
    /// Why the verdict is `unknown` (or what a `vacuous` found).
    public var reason: String?
    /// The replayed counterexample of a `violated` result.
    public var trace: Trace?
    /// The choices the trace was replayed from (for `vigil replay`).
    public var schedule: Schedule?
    public var timeMilliseconds: Int
    /// The depth (number of transactions) at which the result was decided.
    public var depthReached: Int
    /// What a sanity check found about the property, in words a reviewer understands.
    public var warnings: [String]
    /// For `proved`: the inductive invariant behind the proof, over the contract's names.
    public var certificate: String?

    /// The property's identity.
    public var id: PropertyID { PropertyID(contract: contract, name: property.name) }

    public init(
        contract: String, property: PropertyReference, verdict: Verdict, range: SourceRange, bounds: Bounds,
        assumptions: [String], reason: String?, trace: Trace?, timeMilliseconds: Int, depthReached: Int,
        warnings: [String] = []
    ) {
        self.warnings = warnings
        self.contract = contract
        self.property = property
        self.verdict = verdict
        self.range = range
        self.bounds = bounds
        self.assumptions = assumptions
        self.reason = reason
        self.trace = trace
        self.timeMilliseconds = timeMilliseconds
        self.depthReached = depthReached
    }
}
