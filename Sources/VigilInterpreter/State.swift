import BigInt
import VigilSema
import VigilSyntax
import VigilTrace

/// The contract's persistent state: one value per state variable (constants included) and its ether.
struct ContractState: Hashable, Sendable {
    var variables: [Value]
    var balance: BigInt
}

/// A location that can be read and written: a state variable or a local, and a path into it.
struct LValue: Hashable, Sendable {
    enum Root: Hashable, Sendable {
        case state(Int)
        /// A local of the frame at this index of the frame stack.
        case local(frame: Int, NodeID)
    }
    var root: Root
    var steps: [PathStep]
}

/// The locals of one function or modifier activation.
struct LocalFrame {
    /// Values of parameters, return variables, locals and bound variables, by declaration id.
    var values: [NodeID: Value] = [:]
    /// `storage` locals: the location in state each one aliases.
    var storageReferences: [NodeID: LValue] = [:]
    /// The return variable of the function whose body runs in this frame.
    /// The function's return variables, which `return` writes.
    var returnSlots: [NodeID] = []
    /// For a modifier's frame: what `_;` runs next.
    var placeholder: ModifierChain?
}

/// The rest of a function's modifier chain: modifier `index` of `function`, whose own frame is `functionFrame`.
struct ModifierChain {
    let function: FunctionDecl
    let index: Int
    let functionFrame: Int
}

/// The external call of the contract being executed: a constructor, a transaction or a re-entrant call.
struct InvocationContext {
    let invocation: Invocation
    /// The function running, its sender and value: a call through `this` changes them for
    /// its duration (`asSelfCall`).
    var functionName: String
    var sender: BigInt
    var value: BigInt
    /// The next of `invocation.events` to consume.
    var cursor = 0
    /// The external interactions so far, for the trace.
    var records: [ExternalCallRecord] = []
    /// The events emitted so far, for the trace.
    var events: [EventRecord] = []
}

/// The failed property, as the trace shows it.
struct Violation {
    let line: Int
    let parts: [NamedValue]
}

/// Limits that keep every replay finite.
enum ReplayLimits {
    /// Iterations of one execution of one loop.
    static let loopIterations = 100_000
    /// Statements and expressions evaluated in one replay.
    static let steps = 10_000_000
    /// Nesting of re-entrant calls.
    static let reentrancyDepth = 32
    /// Ether never exceeds this: a step that would pass it does not happen.
    static let maximumBalance = BigInt(1) << 128
    static let addressLimit = BigInt(1) << 160
    static let uint256Limit = BigInt(1) << 256
    /// Elements of an array a schedule gives as an argument.
    static let argumentArrayLength = 10_000
    /// Bytes of a value the replay hashes, encodes or joins.
    static let bytesLength = 1 << 20
}
