import Foundation
import Testing
import VigilReporting

@testable import VigilCLI

/// `vigil replay`: a saved counterexample runs again against the source as it is now.
@Suite struct ReplayTests {
    static let vault = repositoryRoot.appendingPathComponent("examples/vault_reentrancy.vigil")

    /// Copies the re-entrant vault to a fresh folder, saves its report there, applies `edit` to
    /// the source and returns what `vigil replay` prints and its exit status.
    static func replay(
        after edit: (String) -> String, arguments: (URL, URL) -> [String] = { report, _ in [report.path] }
    ) throws -> (status: Int32, text: String) {
        let source = String(decoding: try Data(contentsOf: vault), as: UTF8.self)
        return try ReportFixtures.withTemporaryFile(source, named: "vault.vigil") { file in
            let report = file.deletingLastPathComponent().appendingPathComponent("report.json")
            try JSONReport.render(try ReportFixtures.document([file.path])).write(
                to: report, atomically: true, encoding: .utf8)
            try edit(source).write(to: file, atomically: true, encoding: .utf8)
            let status = VigilCommand.execute(["replay"] + arguments(report, file))
            let document = try JSONReport.decode(Data(contentsOf: report))
            let front = FrontEnd.run(paths: document.inputs)
            guard let model = front.model else { return (status, "") }
            return (status, ReplayCommand.replay(document.results, model: model).0)
        }
    }

    static func unchanged(_ source: String) -> String { source }

    @Test func aViolationReproducesStepByStep() throws {
        let (status, text) = try Self.replay(after: Self.unchanged)
        #expect(status == 1)
        #expect(text.hasPrefix("Vault.solvent: still violated\n  replayed:\n    deploy constructor() from "))
        #expect(text.contains("re-enters withdraw() from "))
        #expect(text.contains("property fails at line 15 with balance = "))
        #expect(!text.contains("differs"))
        #expect(text.hasSuffix("1 replayed: 1 reproduced, 0 no longer, 0 not fitting the source\n"))
    }

    @Test func aFixedContractNoLongerViolates() throws {
        let (status, text) = try Self.replay { source in
            source.replacingOccurrences(
                of: """
                    (bool ok, ) = msg.sender.call{value: amount}("");   // control leaves here
                            require(ok);
                            balances[msg.sender] = 0;                            // too late
                    """,
                with: """
                    balances[msg.sender] = 0;
                            (bool ok, ) = msg.sender.call{value: amount}("");
                            require(ok);
                    """)
        }
        #expect(status == 0)
        #expect(text.hasPrefix("Vault.solvent: no longer violated\n  replayed, the property holds throughout:\n"))
    }

    @Test func aReportThatNoLongerFitsIsBadInput() throws {
        let renamed = try Self.replay { $0.replacingOccurrences(of: "function withdraw()", with: "function take()") }
        #expect(renamed.status == 2)
        #expect(renamed.text.contains("does not fit the source: 'withdraw' is not a public or external function"))
        let gone = try Self.replay { $0.replacingOccurrences(of: "invariant solvent:", with: "invariant paid:") }
        #expect(gone.status == 2)
        #expect(gone.text.contains("has no invariant named 'solvent'"))
    }

    @Test func oneSavedResultReplaysAlone() throws {
        let (status, _) = try Self.replay(after: Self.unchanged) { report, folder in
            let document = try! JSONReport.decode(Data(contentsOf: report))
            let single = folder.deletingLastPathComponent().appendingPathComponent("single.json")
            try! JSONReport.encode(document.results[0]).write(to: single, atomically: true, encoding: .utf8)
            return [single.path]
        }
        #expect(status == 1)
    }

    @Test func somethingElseIsBadInput() throws {
        let status = try ReportFixtures.withTemporaryFile("{\"schemaVersion\": 2}", named: "x.json") { file in
            VigilCommand.execute(["replay", file.path])
        }
        #expect(status == 2)
        #expect(VigilCommand.execute(["replay", "/no/such/report.json"]) == 2)
    }
}
