import Foundation
import Testing

/// The text and JSON reports `vigil check` prints for a handful of examples, compared with the files in
/// Tests/Golden, so that a change in a trace or a reason shows in review. `VIGIL_RECORD=1
/// swift test` writes the files anew from the current output. Times are set to 0 and paths
/// are relative to the repository, so the files do not depend on the machine.
@Suite struct GoldenOutputTests {
    static let cases: [(name: String, paths: [String])] = [
        ("vault_reentrancy", ["examples/vault_reentrancy.vigil"]),
        ("vault_fixed", ["examples/vault_fixed.vigil"]),
        ("token_rules", ["examples/token.sol", "specs/token.spec"]),
        ("deployment_asserts", ["Tests/Regressions/deployment_asserts.sol"]),
        ("rule_through_loop", ["Tests/Regressions/rule_through_loop.vigil"]),
    ]

    static var recording: Bool { ProcessInfo.processInfo.environment["VIGIL_RECORD"] == "1" }

    /// `text` with the repository's path taken out and every time set to 0.
    static func normalized(_ text: String) -> String {
        let root = repositoryRoot.path + "/"
        var out = text.replacingOccurrences(of: root, with: "")
        for (pattern, replacement) in [
            (#""time_ms" : [0-9]+"#, #""time_ms" : 0"#), (#"checked in [0-9]+ ms"#, "checked in 0 ms"),
        ] {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return out
    }

    @Test(arguments: cases.map(\.name))
    func reportsMatchTheirGoldenFiles(name: String) throws {
        let paths = try #require(Self.cases.first { $0.name == name }).paths
        let outputs = [
            ("txt", Self.normalized(try runVigil(["check"] + paths + ["--verbose", "--show-invariants"]))),
            ("json", Self.normalized(try runVigil(["check"] + paths + ["--format", "json"]))),
        ]
        for (suffix, output) in outputs {
            let file = repositoryRoot.appendingPathComponent("Tests/Golden/\(name).\(suffix)")
            if Self.recording {
                try Data(output.utf8).write(to: file)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(
                output == expected,
                "\(name).\(suffix) differs from Tests/Golden (VIGIL_RECORD=1 swift test records the new output)")
        }
    }
}
