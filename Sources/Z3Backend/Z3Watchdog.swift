import Dispatch

/// The wall-clock safety net of one check: after the deadline it interrupts the solver with `Z3_solver_interrupt`,
/// and keeps interrupting every 50 ms until stopped, in case the first interrupt came before Z3 started listening.
///
/// Z3's own `timeout` parameter is never used: in 4.8.12 it can deadlock the process when it fires.
final class Z3Watchdog: @unchecked Sendable {
    // Safety: `active` and `fired` are read and written only on `Z3Watchdog.queue`, a serial queue.

    /// The serial queue every watchdog's timer and state live on.
    private static let queue = DispatchQueue(label: "vigil.z3.watchdog")

    /// The solver to interrupt; used only while `active`.
    private let target: Z3InterruptTarget
    /// The timer that fires at the deadline and then every 50 ms.
    private let timer: DispatchSourceTimer
    /// Whether the check is still running (cleared by `stop()`).
    private var active = true
    /// Whether the deadline passed while the check was running.
    private var fired = false

    /// Starts a watchdog that interrupts `target` after `milliseconds`.
    init(target: Z3InterruptTarget, milliseconds: UInt64) {
        self.target = target
        timer = DispatchSource.makeTimerSource(queue: Z3Watchdog.queue)
        // Capped at about 24 days, far beyond any check, so the deadline arithmetic cannot overflow.
        let deadline = DispatchTime.now() + .milliseconds(Int(min(milliseconds, UInt64(Int32.max))))
        timer.schedule(deadline: deadline, repeating: .milliseconds(50), leeway: .milliseconds(5))
        timer.setEventHandler { [weak self] in self?.fire() }
        timer.resume()
    }

    /// Interrupts the solver, unless the check has already returned. Runs on `queue`.
    private func fire() {
        guard active else { return }
        fired = true
        target.interrupt()
    }

    /// Stops the watchdog once the check has returned and tells whether it fired. After this returns the watchdog
    /// never touches the solver again.
    func stop() -> Bool {
        Z3Watchdog.queue.sync {
            active = false
            timer.cancel()
            return fired
        }
    }
}
