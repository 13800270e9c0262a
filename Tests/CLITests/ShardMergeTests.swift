import Foundation
import Testing
import VigilReporting
import VigilTrace
import VigilVerifier

@testable import VigilCLI

/// `--shard I/N` splits the (contract, property) pairs; `vigil merge` puts the reports back together.
@Suite struct ShardMergeTests {
    static let files = [
        "examples/token.sol", "examples/ownable.sol", "examples/vault_reentrancy.vigil",
        "examples/forced_ether_equality.vigil", "examples/imports/Vault.sol", "examples/imports/legacy/Vault.sol",
        "examples/imports/legacy.spec",
    ].map { repositoryRoot.appendingPathComponent($0).path }

    /// A fresh folder for the test's files, removed when `body` returns.
    static func inFolder<T>(_ body: (URL) throws -> T) throws -> T {
        try ReportFixtures.withTemporaryFile("", named: "unused") { try body($0.deletingLastPathComponent()) }
    }

    @Test func shardsAreDisjointEvenAndCoverEveryProperty() throws {
        let model = try #require(FrontEnd.run(paths: [repositoryRoot.appendingPathComponent("examples").path]).model)
        let all = model.contracts.flatMap { c in PropertySelection.declared(in: c).map { [c.name, $0] } }
        #expect(all.count > 20)
        #expect(Set(all.map { $0[0] }).count == model.contracts.count, "two contracts share a name")
        for count in 1...4 {
            let shards = (0..<count).map { i in
                let selection = PropertySelection.shard(i, of: count, model: model)
                return all.filter { selection.includes(PropertyID(contract: $0[0], name: $0[1])) }
            }
            #expect(shards.flatMap { $0 } == all, "\(count) shards do not deal every pair once, in order")
            let sizes = shards.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1, "uneven shards \(sizes)")
        }
    }

    @Test func mergedShardsGiveTheVerdictsOfOneRun() throws {
        try Self.inFolder { folder in
            let whole = folder.appendingPathComponent("whole.json").path
            #expect(VigilCommand.execute(["check", "--quiet", "--json", whole] + Self.files) == 1)
            let shards = (1...3).map { folder.appendingPathComponent("shard\($0).json").path }
            for (i, shard) in shards.enumerated() {
                _ = VigilCommand.execute(["check", "--quiet", "--shard", "\(i + 1)/3", "--json", shard] + Self.files)
            }
            let merged = folder.appendingPathComponent("merged.json").path
            let sarif = folder.appendingPathComponent("merged.sarif").path
            #expect(VigilCommand.execute(["merge", "--quiet", "--json", merged, "--sarif", sarif] + shards) == 1)
            let one = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: whole)))
            let combined = try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: merged)))
            let parts = try shards.map { try JSONReport.decode(Data(contentsOf: URL(fileURLWithPath: $0))) }
            #expect(parts.map(\.results.count).reduce(0, +) == one.results.count)
            #expect(parts.allSatisfy { !$0.results.isEmpty })
            // A `call any` rule's results (RULE[FUNCTION]) all come from one shard.
            let perShard = parts.map { $0.results.filter { $0.property.hasPrefix("onlyOwnerChangesOwner[") }.count }
            #expect(perShard.filter { $0 > 0 } == [3])
            #expect(
                combined.results.map { "\($0.qualifiedName) \($0.verdict)" }
                    == one.results.map { "\($0.qualifiedName) \($0.verdict)" })
            #expect(combined.summary == one.summary)
            let log = String(decoding: try Data(contentsOf: URL(fileURLWithPath: sarif)), as: UTF8.self)
            #expect(try schemaViolation(of: log, schema: try SarifTests.requireSchema()) == nil)
        }
    }

    @Test func mergeRestoresTheReportItWasCutFrom() throws {
        let document = try ReportFixtures.everyVerdict()
        let halves = [0, 1].map { half in
            ReportDocument(
                tool: document.tool, inputs: document.inputs,
                results: document.results.enumerated().filter { $0.offset % 2 == half }.map(\.element))
        }
        #expect(try MergeCommand.merge(halves, names: ["a", "b"]) == document)
    }

    @Test func mergeRefusesReportsThatDoNotBelongTogether() throws {
        let document = try ReportFixtures.vaults.get()
        #expect(throws: (any Error).self) { try MergeCommand.merge([document, document], names: ["a", "b"]) }
        var other = document
        other.tool.version = "0.0.1"
        other.results = []
        #expect(throws: (any Error).self) { try MergeCommand.merge([document, other], names: ["a", "b"]) }
        try Self.inFolder { folder in
            let file = folder.appendingPathComponent("a.json")
            try JSONReport.render(document).write(to: file, atomically: true, encoding: .utf8)
            #expect(VigilCommand.execute(["merge", "--quiet", file.path, file.path]) == 2)
            #expect(VigilCommand.execute(["check", "--shard", "4/3", Self.files[0]]) == 2)
            #expect(VigilCommand.execute(["check", "--shard", "0/3", Self.files[0]]) == 2)
        }
    }
}
