import Foundation
import Testing
import VigilReporting

@testable import VigilCLI

/// `vigil replay`: a saved counterexample runs again against the source as it is now.
@Suite struct ReplayTests {
    static let vault = repositoryRoot.appendingPathComponent("examples/vault_reentrancy.vigil")
    static let ownable = repositoryRoot.appendingPathComponent("examples/ownable.sol")
    static let ownableSpec = repositoryRoot.appendingPathComponent("specs/ownable.spec")
    static let token = repositoryRoot.appendingPathComponent("examples/token.sol")
    static let tokenSpec = repositoryRoot.appendingPathComponent("specs/token.spec")

    /// Copies `source` (the re-entrant vault by default) and the files `beside` it to a fresh
    /// folder, saves the report of `source` there, applies `edit` to `source` and returns what
    /// `vigil replay` prints and its exit status.
    static func replay(
        _ original: URL = vault, beside: [URL] = [], after edit: (String) -> String,
        arguments: (URL, URL) -> [String] = { report, _ in [report.path] }
    ) throws -> (status: Int32, text: String) {
        let source = String(decoding: try Data(contentsOf: original), as: UTF8.self)
        return try ReportFixtures.withTemporaryFile(source, named: original.lastPathComponent) { file in
            let folder = file.deletingLastPathComponent()
            for other in beside {
                try FileManager.default.copyItem(at: other, to: folder.appendingPathComponent(other.lastPathComponent))
            }
            let report = folder.appendingPathComponent("report.json")
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

    @Test func aViolatedRuleReproducesFromItsInputs() throws {
        let (status, text) = try Self.replay(Self.ownable, beside: [Self.ownableSpec], after: Self.unchanged)
        #expect(status == 1)
        #expect(text.hasPrefix("SpecOwnable.onlyOwnerChangesOwner[initialize]: still violated\n  replayed:\n"))
        #expect(
            text.contains(
                """
                    the rule starts with s = user2
                    [rule] initialize(newOwner: address(0)) from user2
                """))
        #expect(text.contains("property fails at line 25 with owner = address(0), oldOwner = user1, s = user2\n"))
        #expect(text.hasSuffix("1 replayed: 1 reproduced, 0 no longer, 0 not fitting the source\n"))
    }

    @Test func aRuleFixedInTheCodeNoLongerViolates() throws {
        let (status, text) = try Self.replay(Self.ownable, beside: [Self.ownableSpec]) {
            $0.replacingOccurrences(
                of: "function initialize(address newOwner) public {",
                with: "function initialize(address newOwner) public onlyOwner {")
        }
        #expect(status == 0)
        #expect(
            text.hasPrefix(
                """
                SpecOwnable.onlyOwnerChangesOwner[initialize]: no longer violated
                  replayed, the property holds throughout:
                """))
        // The saved inputs still start the rule; the call now reverts.
        #expect(
            text.contains("    the rule starts with s = user1\n    [rule] initialize(newOwner: address(0)) from user1"))
        #expect(text.contains("      reverts: require failed at line 24: not the owner\n"))
    }

    @Test func aRuleThatIsGoneDoesNotFit() throws {
        let (status, text) = try Self.replay(Self.ownable, beside: [Self.ownableSpec]) {
            $0
        } arguments: {
            report, folder in
            let spec = folder.deletingLastPathComponent().appendingPathComponent("ownable.spec")
            let text = try! String(contentsOf: spec, encoding: .utf8)
            try! text.replacingOccurrences(of: "rule onlyOwnerChangesOwner(", with: "rule ownerStays(").write(
                to: spec, atomically: true, encoding: .utf8)
            return [report.path]
        }
        #expect(status == 2)
        #expect(text.contains("SpecOwnable has no rule named 'onlyOwnerChangesOwner'"))
    }

    @Test func aWitnessThatStillSatisfiesItsRuleIsNoViolation() throws {
        let (status, text) = try Self.replay(Self.token, beside: [Self.tokenSpec], after: Self.unchanged)
        #expect(status == 0)
        #expect(text.hasPrefix("SpecToken.canReceive: still satisfied\n  replayed:\n"))
        #expect(text.contains("    the rule starts with sender = user1, receiver = "))
        #expect(text.contains("    satisfied at line 44\n"))
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
