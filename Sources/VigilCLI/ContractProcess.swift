import Foundation
import Synchronization
import VigilReporting
import VigilVerifier

/// Each contract is checked in a process of its own (the `vigil` executable run again with
/// `--internal-contract NAME`), so that a crash inside the solver (Z3 is C++: an exception it
/// does not catch ends the process) costs that contract's results, never the run. A process
/// that ends abnormally is tried once more; after a second failure every property of the
/// contract is `unknown` with the reason. The child writes its progress, warnings and
/// `--verbose` lines to the standard error it shares with the parent, and its results as JSON
/// (`ContractProcess.Output`) to standard output.
enum ContractProcess {
    /// The executable to run for each contract; nil (the default, as in the test suite, which
    /// calls the command in its own process) checks in this process.
    @TaskLocal static var executable: URL?

    /// What a child process prints: its contract's results and where its time went.
    struct Output: Codable {
        let results: [ResultRecord]
        let statistics: CheckStatistics
    }

    /// How a child process ended when it gave no results.
    struct Failure: Error {
        let description: String
    }

    /// Runs `executable` with `arguments` once, then once more if it ends abnormally (unless
    /// `interruption` says the run was interrupted); the results, or why there are none.
    static func run(_ executable: URL, arguments: [String], interruption: Interruption? = nil)
        -> Result<Output, Failure>
    {
        var last = Failure(description: "")
        for _ in 0..<2 where interruption?.happened != true {
            switch runOnce(executable, arguments: arguments, interruption: interruption) {
            case .success(let output): return .success(output)
            case .failure(let failure): last = failure
            }
        }
        return .failure(last)
    }

    private static func runOnce(_ executable: URL, arguments: [String], interruption: Interruption?)
        -> Result<Output, Failure>
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return .failure(Failure(description: "cannot start \(executable.path): \(error.localizedDescription)"))
        }
        interruption?.watch(process.processIdentifier)
        defer { interruption?.watch(nil) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return .failure(Failure(description: "the checking process ended by signal \(process.terminationStatus)"))
        }
        guard process.terminationStatus == 0, let decoded = try? JSONDecoder().decode(Output.self, from: data) else {
            return .failure(
                Failure(
                    description: "the checking process ended with status \(process.terminationStatus) and no results"))
        }
        return .success(decoded)
    }
}

/// SIGINT and SIGTERM during `vigil check`: the contract being checked is stopped (its process
/// killed), no other is started, and the run reports what was decided before, with exit status
/// 4 unless something is violated (README, "Verdicts and exit codes").
final class Interruption: @unchecked Sendable {
    // Safety: `state` is only touched under its lock.
    private let state = Mutex<(happened: Bool, child: Int32?)>((false, nil))
    private var sources: [DispatchSourceSignal] = []

    /// Catches SIGINT and SIGTERM from now on (children inherit them as ignored, and are killed).
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.interrupt() }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// Whether a signal came.
    var happened: Bool { state.withLock { $0.happened } }

    /// The child process to kill when a signal comes (nil: none is running).
    func watch(_ child: Int32?) {
        let kill = state.withLock { s -> Bool in
            s.child = child
            return s.happened && child != nil
        }
        if kill, let child { _ = Foundation.kill(child, SIGKILL) }
    }

    private func interrupt() {
        let child = state.withLock { s -> Int32? in
            s.happened = true
            return s.child
        }
        if let child { _ = kill(child, SIGKILL) }
    }
}
