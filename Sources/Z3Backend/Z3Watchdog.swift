import Dispatch
import SMT

/// What stops one check from outside: a wall-clock deadline (the safety net) and a `StopSignal`
/// (another engine has decided). It interrupts the solver with `Z3_solver_interrupt` when the
/// signal is raised, and every 50 ms from the deadline on or while the signal is raised, in case
/// an interrupt came before Z3 started listening. Without a deadline or a signal it does nothing.
///
/// Z3's own `timeout` parameter is never used: in 4.8.12 it can deadlock the process when it fires.
final class Z3Watchdog: @unchecked Sendable {
    // Safety: `active` and `fired` are read and written only on `Z3Watchdog.queue`, a serial queue.

    /// Why a check was interrupted.
    enum Cause {
        case deadline
        case stopped
    }

    /// The serial queue every watchdog's timer and state live on.
    private static let queue = DispatchQueue(label: "vigil.z3.watchdog")

    /// The solver to interrupt; used only while `active`.
    private let target: Z3InterruptTarget
    /// The timer that fires every 50 ms; nil without a deadline or a signal.
    private let timer: DispatchSourceTimer?
    private let deadline: DispatchTime?
    private let signal: StopSignal?
    /// The watchdog's handler on `signal`.
    private var handlerToken: Int?
    /// Whether the check is still running (cleared by `stop()`).
    private var active = true
    /// Why the solver was interrupted, if it was.
    private var fired: Cause?

    /// Starts watching a check of `target` with the limits of `options`.
    init(target: Z3InterruptTarget, options: SolverOptions) {
        self.target = target
        signal = options.stop
        // Capped at about 24 days, far beyond any check, so the deadline arithmetic cannot overflow.
        deadline = options.wallClockMilliseconds.map {
            DispatchTime.now() + .milliseconds(Int(min($0, UInt64(Int32.max))))
        }
        guard let start = signal != nil ? DispatchTime.now() : deadline else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: Z3Watchdog.queue)
        self.timer = timer
        timer.schedule(deadline: start, repeating: .milliseconds(50), leeway: .milliseconds(5))
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.resume()
        handlerToken = signal?.addHandler { [weak self] in
            guard let watchdog = self else { return }
            Z3Watchdog.queue.async { watchdog.fire() }
        }
    }

    /// Interrupts the solver when the deadline has passed or the signal is raised, unless the
    /// check has already returned. Runs on `queue`.
    private func fire() {
        guard active else { return }
        if signal?.isRaised == true {
            fired = .stopped
        } else if let deadline, DispatchTime.now() >= deadline {
            fired = .deadline
        } else {
            return
        }
        target.interrupt()
    }

    /// Stops the watchdog once the check has returned and tells why it interrupted the check, if
    /// it did. After this returns the watchdog never touches the solver again.
    func stop() -> Cause? {
        Z3Watchdog.queue.sync {
            active = false
            timer?.cancel()
            if let handlerToken { signal?.removeHandler(handlerToken) }
            return fired
        }
    }
}
