import Foundation
import Testing
import VigilReporting

@testable import VigilCLI

/// Files have namespaces of their own: two contracts of one name in a run are told apart in
/// reports, selection, shards and replay (examples/imports holds two `contract Vault`).
@Suite struct NamespaceTests {
    static let folder = repositoryRoot.appendingPathComponent("examples/imports").path
    static let current = "examples/imports/Vault.sol:Vault"
    static let legacy = "examples/imports/legacy/Vault.sol:Vault"

    static func report(_ arguments: [String]) throws -> ReportDocument {
        try JSONReport.decode(Data(try runVigil(["check", "--quiet", "--format", "json"] + arguments).utf8))
    }

    @Test func twinsAreCheckedInOneRunUnderTheirPaths() throws {
        let document = try Self.report(["examples/imports"])
        #expect(document.contracts?.map(\.name).sorted() == [Self.current, Self.legacy])
        let verdicts = Dictionary(
            uniqueKeysWithValues: document.results.map { ("\($0.contract).\($0.property)", $0.verdict.rawValue) })
        #expect(verdicts["\(Self.current).feeCapped"] == "proved")
        #expect(verdicts["\(Self.legacy).feeUnderCurrentCap"] == "violated")
        #expect(verdicts["\(Self.legacy).assert@LegacyFees.sol:12"] == "violated")
        #expect(verdicts["\(Self.current).assert@Fees.sol:26"] == "proved")
        #expect(verdicts.count == 7)
    }

    @Test func contractSelectsByNameOrByPathAndName() throws {
        #expect(try Self.report(["examples/imports", "--contract", "Vault"]).contracts?.count == 2)
        let one = try Self.report(["examples/imports", "--contract", "legacy/Vault.sol:Vault"])
        #expect(one.contracts?.map(\.name) == [Self.legacy])
        #expect(Set(one.results.map(\.contract)) == [Self.legacy])
        #expect(VigilCommand.execute(["check", "--quiet", Self.folder, "--contract", "other/Vault.sol:Vault"]) == 2)
    }

    @Test func replayFindsEachTwinsCounterexample() throws {
        try ShardMergeTests.inFolder { folder in
            let report = folder.appendingPathComponent("twins.json").path
            #expect(VigilCommand.execute(["check", "--quiet", "--json", report, Self.folder]) == 1)
            let (status, output) = try runProcess(
                vigilExecutable, ["replay", report], in: repositoryRoot, mergingErrors: true)
            let text = String(decoding: output, as: UTF8.self)
            #expect(status == 1, "\(text)")
            #expect(text.contains("2 replayed: 2 reproduced, 0 no longer, 0 not fitting the source"), "\(text)")
        }
    }
}
