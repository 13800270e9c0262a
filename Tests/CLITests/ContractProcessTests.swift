import Foundation
import Testing

@testable import VigilCLI

/// A contract's check in a process of its own: a crash costs that contract's results (after
/// one retry), never the run.
@Suite struct ContractProcessTests {
    /// A shell script in a fresh folder; `body` runs with `$DIR` set to that folder.
    func script(_ body: String) throws -> (URL, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("child.sh")
        try Data("#!/bin/sh\nDIR=\(folder.path)\n\(body)\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return (file, folder)
    }

    static let emptyOutput =
        #"{"results": [], "statistics": {"solverSeconds": 0, "replaySeconds": 0, "#
        + #""proofSeconds": 0, "proofWaitSeconds": 0, "totalSeconds": 0, "queries": 3, "resourceUsage": 7, "handovers": {}}}"#

    @Test func aProcessKilledBySignalIsTriedTwiceThenReported() throws {
        let (child, folder) = try script(#"echo run >> "$DIR/runs"; kill -KILL $$"#)
        let outcome = ContractProcess.run(child, arguments: [])
        guard case .failure(let failure) = outcome else {
            Issue.record("a crashing child gave results")
            return
        }
        #expect(failure.description.contains("signal 9"))
        let runs = try String(contentsOf: folder.appendingPathComponent("runs"), encoding: .utf8)
        #expect(runs.split(separator: "\n").count == 2)
    }

    @Test func aSecondTryThatSucceedsGivesItsResults() throws {
        let (child, folder) = try script(
            """
            if [ -f "$DIR/tried" ]; then echo '\(Self.emptyOutput)'; exit 0; fi
            touch "$DIR/tried"; kill -KILL $$
            """)
        let outcome = ContractProcess.run(child, arguments: [])
        guard case .success(let output) = outcome else {
            Issue.record("the second try's results were lost")
            return
        }
        #expect(output.results.isEmpty && output.statistics.queries == 3 && output.statistics.resourceUsage == 7)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tried").path))
    }

    @Test func outputThatIsNotResultsIsAFailure() throws {
        let (child, _) = try script("echo 'not json'; exit 0")
        guard case .failure(let failure) = ContractProcess.run(child, arguments: []) else {
            Issue.record("garbage was taken for results")
            return
        }
        #expect(failure.description.contains("no results"))
    }

    /// A contract whose process always crashes: every property of it is `unknown` with the
    /// reason, the other contracts are checked, and the run ends with status 3.
    @Test func aContractWhoseProcessCrashesIsUnknownAndTheRunGoesOn() throws {
        let (child, _) = try script(
            """
            for a in "$@"; do if [ "$a" = FixedVault ]; then kill -KILL $$; fi; done
            exec "\(ProcessDeterminismTests.vigil.path)" "$@"
            """)
        let report = FileManager.default.temporaryDirectory.appendingPathComponent(
            "vigil-crash-\(UUID().uuidString).json")
        let vault = repositoryRoot.appendingPathComponent("examples/vault_reentrancy.vigil").path
        let fixed = repositoryRoot.appendingPathComponent("examples/vault_fixed.vigil").path
        let status = VigilCommand.execute(
            ["check", vault, fixed, "--quiet", "--json", report.path], isolatingContractsWith: child)
        #expect(status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let results = try #require(document?["results"] as? [[String: Any]])
        let fixedResult = try #require(results.first { $0["contract"] as? String == "FixedVault" })
        #expect(fixedResult["verdict"] as? String == "unknown")
        #expect((fixedResult["reason"] as? String)?.contains("signal 9, twice") == true)
        #expect(results.contains { $0["contract"] as? String == "Vault" && $0["verdict"] as? String == "violated" })
    }

    /// SIGINT stops the contract being checked and starts no other: the report holds what was
    /// decided, the exit status is 4, and the run ends at once.
    @Test func anInterruptedRunReportsWhatItDecided() throws {
        let process = Process()
        process.executableURL = vigilExecutable
        process.arguments = ["check", "examples/vault_fixed.vigil", "Tests/Examples/coverage_payments.vigil"]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let started = ContinuousClock.now
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        kill(process.processIdentifier, SIGINT)
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 4)
        #expect(said.contains("interrupted:") && said.contains("CoveragePayments"))
        #expect(report.contains("0 violated"))
        #expect(ContinuousClock.now - started < .seconds(40))
    }

    /// A memory budget too small for Z3 makes the results `unknown` with the solver's error, and
    /// the run still ends normally (exit status 3); `--verbose` says the peak memory.
    @Test func aMemoryBudgetEndsInUnknownNeverInACrash() throws {
        let (status, output) = try runProcess(
            vigilExecutable, ["check", "examples/vault_reentrancy.vigil", "--memory", "1", "--verbose"],
            in: repositoryRoot, mergingErrors: true)
        let text = String(decoding: output, as: UTF8.self)
        #expect(status == 3)
        #expect(text.contains("Vault.solvent: unknown: solver error"))
        #expect(text.contains("peak memory: "))
    }

    /// `--verbose` says, for each call that hands over control, how many entry points the
    /// re-entrant calls may return from: a lock held there stops all but `deposit()`; a lock
    /// taken on some paths only stops none.
    @Test func verboseCountsTheEntryPointsEachHandoverKeeps() throws {
        let (status, output) = try runProcess(
            vigilExecutable, ["check", "Tests/Regressions/lock_handovers.vigil", "--engine", "bmc", "--verbose"],
            in: repositoryRoot, mergingErrors: true)
        let text = String(decoding: output, as: UTF8.self)
        #expect(status == 1)
        #expect(
            text.contains(
                "handover at Tests/Regressions/lock_handovers.vigil:31:23: re-entrant calls may return from 1 of 2 "
                    + "entry points (the others revert there)"))
        #expect(
            text.contains(
                "handover at Tests/Regressions/lock_handovers.vigil:52:23: re-entrant calls may return from 2 of 2 "
                    + "entry points\n"))
    }

    /// `vigil --version` names the Z3 it runs with.
    @Test func theVersionNamesZ3() throws {
        let text = try runVigil(["--version"])
        #expect(text.hasPrefix("0.1.0 (z3 4."))
    }
}
