import Foundation
import Testing
import VigilReporting
import VigilVerifier

/// SARIF 2.1.0: valid against the OASIS schema, located at properties, counterexamples as code flows.
@Suite struct SarifTests {
    /// The OASIS schema: VIGIL_SARIF_SCHEMA, or the team's copy in `../shared/schemas/` beside
    /// the checkout (docs/CI.md).
    static let schema = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["VIGIL_SARIF_SCHEMA"]
            ?? repositoryRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardized.path)

    /// The schema, or a failure that says how to get it: never a silent skip.
    static func requireSchema() throws -> URL {
        try #require(
            FileManager.default.fileExists(atPath: schema.path),
            "no SARIF 2.1.0 schema at \(schema.path): set VIGIL_SARIF_SCHEMA to a copy of it")
        return schema
    }

    static let paths = ReportPaths(baseDirectory: repositoryRoot.path)

    static func log(_ document: ReportDocument) throws -> [String: Any] {
        let text = try SARIFReport(paths: paths).render(document)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func results(_ log: [String: Any]) -> [[String: Any]] {
        let runs = log["runs"] as? [[String: Any]] ?? []
        return runs.first?["results"] as? [[String: Any]] ?? []
    }

    @Test func logsValidateAgainstTheSchema() throws {
        let schema = try Self.requireSchema()
        for document in [try ReportFixtures.vaults.get(), try ReportFixtures.everyVerdict()] {
            let complaint = try schemaViolation(of: try SARIFReport(paths: Self.paths).render(document), schema: schema)
            #expect(complaint == nil, "\(complaint ?? "")")
        }
    }

    @Test func aResultPerPropertyThatNeedsAttention() throws {
        let results = Self.results(try Self.log(try ReportFixtures.everyVerdict()))
        let levels = Dictionary(
            results.map { (($0["properties"] as? [String: Any])?["verdict"] as? String ?? "", $0["level"] as? String) },
            uniquingKeysWith: { a, _ in a })
        #expect(
            levels == ["violated": "error", "unknown": "warning", "vacuous": "warning", "unsatisfiable": "warning"])
        let violated = try #require(results.first { $0["level"] as? String == "error" })
        #expect(violated["ruleId"] as? String == "vigil.invariant")
        #expect(
            (violated["message"] as? [String: Any])?["text"] as? String
                == "Vault.solvent: violated (depth 4, reentrancy 2, reentrant calls 2, loops 4)")
    }

    @Test func theResultIsLocatedAtThePropertyRelativeToTheRun() throws {
        let result = try #require(Self.results(try Self.log(try ReportFixtures.vaults.get())).first)
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "examples/vault_reentrancy.vigil")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")
        let region = try #require(physical["region"] as? [String: Int])
        // `invariant solvent: balance >= sum(balances);` on line 15, from column 5 to its end.
        let line = fileLines(repositoryRoot.appendingPathComponent("examples/vault_reentrancy.vigil").path)[14]
        #expect(region["startLine"] == 15 && region["endLine"] == 15 && region["startColumn"] == 5)
        #expect(region["endColumn"] == line.utf8.count + 1)
    }

    @Test func theCounterexampleIsACodeFlowWithNestedReentrantCalls() throws {
        let result = try #require(Self.results(try Self.log(try ReportFixtures.vaults.get())).first)
        let flows = try #require(result["codeFlows"] as? [[String: Any]])
        let threads = try #require(flows.first?["threadFlows"] as? [[String: Any]])
        let locations = try #require(threads.first?["locations"] as? [[String: Any]])
        let steps = locations.map { l -> (Int, String, Int) in
            let location = l["location"] as? [String: Any]
            let text = (location?["message"] as? [String: Any])?["text"] as? String ?? ""
            let region = (location?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
            return (l["nestingLevel"] as? Int ?? -1, text, region?["startLine"] ?? 0)
        }
        #expect(locations.map { $0["executionOrder"] as? Int } == Array(1...locations.count))
        // The deployment and the attacker's withdraw at level 0, the handover at 1, the re-entrant calls at 2.
        #expect(steps[0].0 == 0 && steps[0].1.hasPrefix("deploy constructor()"))
        let handover = try #require(steps.firstIndex { $0.1.contains("hands over control") })
        #expect(steps[handover].0 == 1 && steps[handover].2 == 23)
        #expect(steps[handover + 1].0 == 2 && steps[handover + 1].1.hasPrefix("re-enters "))
        // The re-entered withdraw hands over control again, one level deeper.
        #expect(steps.contains { $0.0 == 2 && $0.1.hasPrefix("re-enters withdraw()") })
        #expect(steps.contains { $0.0 == 3 && $0.1.contains("hands over control") })
        let last = try #require(steps.last)
        #expect(last.0 == 0 && last.2 == 15 && last.1.hasPrefix("solvent fails: balance = "))
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        let document = try ReportFixtures.vaults.get()
        var slower = document
        for i in slower.results.indices { slower.results[i].timeMilliseconds += 1000 }
        #expect(try SARIFReport(paths: Self.paths).render(document) == SARIFReport(paths: Self.paths).render(slower))
    }

    @Test func filesOutsideTheRunAreAbsoluteURIs() {
        let paths = ReportPaths(baseDirectory: "/work/project")
        #expect(paths.uri("/work/project/a b.sol") == ("a%20b.sol", true))
        #expect(paths.uri("src/v.sol") == ("src/v.sol", true))
        #expect(paths.uri("/elsewhere/v.sol") == ("file:///elsewhere/v.sol", false))
        #expect(paths.baseURI == "file:///work/project/")
    }
}
