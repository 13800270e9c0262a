import SMT
import VigilBasics
import VigilSema

/// The choices of one call of an entry point in the encoding: which terms hold its
/// arguments, sender and value, and its external interactions in execution order.
public final class FrameRecord {
    public let function: FunctionInfo
    public let arguments: [ArgumentTerms]
    public let sender: Term
    public let value: Term
    public internal(set) var sites: [SiteRecord] = []
    /// Where the call reverts (within the guard it was made under).
    public internal(set) var reverted: Term = .false
    /// False when the call reverts on every path the encoding could tell apart without a
    /// solver (a lock held where control was handed over stops it at its first `require`).
    public internal(set) var mayReturn = true

    init(function: FunctionInfo, arguments: [ArgumentTerms], sender: Term, value: Term) {
        self.function = function
        self.arguments = arguments
        self.sender = sender
        self.value = value
    }
}

/// At one call that hands over control: how many of the entry points offered to the
/// re-entrant calls may return there (the most over every time the call was encoded).
public struct HandoverCandidates: Sendable, Hashable, Codable {
    public var kept: Int
    public var offered: Int
    public init(kept: Int, offered: Int) {
        self.kept = kept
        self.offered = offered
    }

    /// The most of these counts and `other`'s (another encoding of the same call).
    public func merged(with other: HandoverCandidates?) -> HandoverCandidates {
        HandoverCandidates(kept: max(kept, other?.kept ?? 0), offered: max(offered, other?.offered ?? 0))
    }
}

/// One slot of a handover: a call the environment may make (when `guardTerm` holds) to
/// the entry point `selector` picks among `candidates`.
public final class SlotRecord {
    public let guardTerm: Term
    public let selector: Term
    public let candidates: [FrameRecord]
    init(guardTerm: Term, selector: Term, candidates: [FrameRecord]) {
        self.guardTerm = guardTerm
        self.selector = selector
        self.candidates = candidates
    }
}

/// An external interaction as encoded; it happened when its guard holds in the model.
public enum SiteRecord {
    case handover(guardTerm: Term, forcedEther: Term, slots: [SlotRecord], success: Term, returned: ArgumentTerms?)
    case etherSent(guardTerm: Term, success: Term)
    case viewCall(guardTerm: Term, value: ArgumentTerms)
    case otherBalance(guardTerm: Term, value: Term)
    case codeSize(guardTerm: Term, value: Term)
    /// A tried call's failure data: `kind` 1 is `Error(string)` (`reason`, when bytes contents
    /// are modelled), 2 `Panic(code)`, anything else other data.
    case callFailure(guardTerm: Term, kind: Term, code: Term, reason: ArgumentTerms?)
    /// A `delegatecall` to the contract itself: the entry point it ran, when the slot's guard
    /// holds (else no function matched the data).
    case selfDelegateCall(guardTerm: Term, slot: SlotRecord)
}

/// The choices of one top-level transaction (or the constructor, with one candidate).
public final class TransactionRecord {
    public let forcedEther: Term
    public let timestamp: Term
    public let blockNumber: Term
    public let selector: Term
    public let candidates: [FrameRecord]
    init(forcedEther: Term, timestamp: Term, blockNumber: Term, selector: Term, candidates: [FrameRecord]) {
        self.forcedEther = forcedEther
        self.timestamp = timestamp
        self.blockNumber = blockNumber
        self.selector = selector
        self.candidates = candidates
    }
}

/// A loop whose unrolling bound was reached on some path: such paths are excluded, and
/// a result that relies on their exclusion is `unknown`.
public struct LoopCut {
    public let condition: Term
    public let loop: SourceRange
    /// A `delegatecall` to the contract itself inside one (multicall inside multicall), which
    /// the bounded engine does not follow, rather than a loop.
    public var isDelegation = false
}

/// How a tried call failed, as its `catch` clauses tell it apart: with `Error(string)` data
/// (and its reason) or `Panic(uint)` data (and its code); neither is other data or none.
struct TriedFailure {
    let isError: Term
    let isPanic: Term
    let reason: SymbolicValue
    let code: Term
}
