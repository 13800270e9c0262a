import Synchronization

/// A request, from another thread, that a solver stop the check it is running: how one engine
/// interrupts another once it has decided. A check that is running when the signal is raised,
/// or that starts while it is raised, returns `.unknown(reason: .stopped)`. Lowering the
/// signal lets the same solver check again.
public final class StopSignal: Sendable {
    private struct Shared {
        var raised = false
        var nextToken = 0
        var handlers: [Int: @Sendable () -> Void] = [:]
    }

    private let shared = Mutex(Shared())

    public init() {}

    /// Asks every check under this signal to stop: runs the handlers of the checks running now.
    public func raise() {
        let handlers = shared.withLock { s in
            s.raised = true
            return s.handlers.sorted { $0.key < $1.key }.map(\.value)
        }
        for handler in handlers { handler() }
    }

    /// Lets checks run again.
    public func lower() { shared.withLock { $0.raised = false } }

    /// Whether the signal is raised.
    public var isRaised: Bool { shared.withLock { $0.raised } }

    /// For solver backends: runs `handler` (on the raising thread) whenever the signal is raised,
    /// until `removeHandler` with the token returned.
    public func addHandler(_ handler: @escaping @Sendable () -> Void) -> Int {
        shared.withLock { s in
            s.nextToken += 1
            s.handlers[s.nextToken] = handler
            return s.nextToken
        }
    }

    /// Removes a handler added by `addHandler`.
    public func removeHandler(_ token: Int) { _ = shared.withLock { $0.handlers.removeValue(forKey: token) } }
}
