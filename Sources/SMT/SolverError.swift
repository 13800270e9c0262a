/// A failure reported by a solver: a misuse such as an ill-sorted term, an unknown parameter, or an internal error.
///
/// It is a recoverable error: the solver that threw it can still be used.
public struct SolverError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in a sentence fit for a diagnostic.
    public let message: String

    /// An error with the given message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
