import Foundation
import Testing
import VigilReporting

/// JUnit XML: a suite per contract, a case per property, failures with the text trace, everything escaped.
@Suite struct JUnitTests {
    /// Parses the XML with python3 and lists, per test case, `suite|case|outcome|message|body`.
    static func parse(_ xml: String) throws -> [String] {
        try ReportFixtures.withTemporaryFile(xml, named: "report.xml") { file in
            let (status, output) = try runPython(
                """
                import sys, json, xml.etree.ElementTree as ET
                root = ET.parse(sys.argv[1]).getroot()
                assert root.tag == "testsuites"
                rows = []
                for suite in root:
                    for case in suite:
                        outcome = [c for c in case]
                        kind = outcome[0].tag if outcome else "passed"
                        message = outcome[0].get("message", "") if outcome else ""
                        body = (outcome[0].text or "") if outcome else ""
                        rows.append("|".join([suite.get("name"), case.get("name"), kind, message, body]))
                print(json.dumps(rows))
                """, arguments: [file.path])
            #expect(status == 0, "\(output)")
            let data = Data(output.utf8)
            return try JSONSerialization.jsonObject(with: data) as? [String] ?? []
        }
    }

    @Test func aSuitePerContractAndACasePerProperty() throws {
        let rows = try Self.parse(JUnitReport().render(try ReportFixtures.everyVerdict()))
        let outcomes = Dictionary(
            rows.map { r in
                let f = r.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                return ("\(f[0]).\(f[1])", f[2])
            }, uniquingKeysWith: { a, _ in a })
        #expect(outcomes["Vault.solvent"] == "failure")
        #expect(outcomes["FixedVault.solvent"] == "passed")
        #expect(outcomes["FixedVault.synthetic_proved"] == "passed")
        #expect(outcomes["FixedVault.synthetic_satisfied"] == "passed")
        for skipped in ["unknown", "vacuous", "unsatisfiable"] {
            #expect(outcomes["FixedVault.synthetic_\(skipped)"] == "skipped")
        }
        let failure = try #require(rows.first { $0.hasPrefix("Vault|solvent|failure|") })
        #expect(failure.contains("re-enters withdraw() from"))
        #expect(failure.contains("property fails at line 15 with balance = "))
    }

    @Test func everyStringIsEscaped() throws {
        var document = try ReportFixtures.everyVerdict()
        let nasty = "a<b>&\"c'\u{1}d]]></failure>"
        let i = try #require(document.results.firstIndex { $0.verdict == .unknown })
        document.results[i].reason = nasty
        document.results[i].property = nasty
        let rows = try Self.parse(JUnitReport().render(document))
        let row = try #require(rows.first { $0.contains("|skipped|") && $0.contains("unknown: a<b>") })
        #expect(row.contains("|a<b>&\"c'\u{FFFD}d]]></failure>|skipped|unknown: a<b>&\"c'\u{FFFD}d]]></failure>|"))
    }
}
