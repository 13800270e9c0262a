import Foundation
import VigilVerifier

/// One line on a terminal's standard error that says what is being checked and for how long,
/// redrawn four times a second and erased at the end. Never shown when standard error is not
/// a terminal, so logs and pipes see nothing of it.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var current: CheckProgress?
    private var started = Date()
    private let timer: DispatchSourceTimer

    /// A progress line, or nil when `isTerminal` is false.
    static func forStandardError(isTerminal: Bool = isatty(2) == 1) -> ProgressLine? {
        isTerminal ? ProgressLine() : nil
    }

    private init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "vigil.progress"))
        timer.schedule(deadline: .now() + 0.25, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Records where the check is; a new contract restarts the clock.
    func update(_ progress: CheckProgress) {
        lock.lock()
        if current?.contract != progress.contract { started = Date() }
        current = progress
        lock.unlock()
        draw()
    }

    /// Writes `text` to standard error in place of the line, which the next redraw restores.
    func say(_ text: String) {
        lock.lock()
        printError("\r\u{1B}[K" + text)
        lock.unlock()
    }

    /// Erases the line and stops redrawing it.
    func finish() {
        timer.cancel()
        lock.lock()
        current = nil
        lock.unlock()
        printError("\r\u{1B}[K")
    }

    private func draw() {
        lock.lock()
        if let current { printError("\r\u{1B}[K" + Self.describe(current, elapsed: Date().timeIntervalSince(started))) }
        lock.unlock()
    }

    /// `checking Vault: solvent, paid (+1) at depth 2 of 4, 3.1 s`, with `(reentrancy 1)` or
    /// `(no re-entry)` after the depth while a search with smaller bounds runs.
    static func describe(_ p: CheckProgress, elapsed: TimeInterval) -> String {
        var names = p.properties.prefix(2).joined(separator: ", ")
        if p.properties.count > 2 { names += " (+\(p.properties.count - 2))" }
        let tenths = Int((elapsed * 10).rounded(.down))
        let search = p.searching.map { $0.reentrancy == 0 ? " (no re-entry)" : " (reentrancy \($0.reentrancy))" } ?? ""
        return "checking \(p.contract): \(names) at depth \(p.depth) of \(p.maximumDepth)\(search), "
            + "\(tenths / 10).\(tenths % 10) s"
    }
}
