import Foundation
import Testing
import VigilReporting
import VigilVerifier

/// The wrong answers found from outside the team, each a file of Tests/Regressions checked on
/// its own (so contract names may repeat across files): `// @expect NAME VERDICT` under the
/// default engine, `// @expect-bmc` and `// @expect-prove` under one engine alone, with the
/// kinds of checks of a `// @checks` line (`--checks`).
@Suite struct RegressionTests {
    static let files = repositoryFiles(in: "Tests/Regressions", extensions: ["sol", "vigil"])

    /// The expectations of `file` under `engine`.
    static func expectations(in file: String, engine: Engine) -> [(property: String, verdict: String)] {
        let marker = engine == .auto ? "// @expect " : "// @expect-\(engine.rawValue) "
        return fileLines(file).compactMap { text in
            guard let r = text.range(of: marker) else { return nil }
            let words = text[r.upperBound...].split(separator: " ").map(String.init)
            return words.count >= 2 ? (words[0], words[1]) : nil
        }
    }

    /// The kinds of `// @checks KIND,KIND` (as `--checks`), or the default ones.
    static func checks(in file: String) -> Set<CodeCheck> {
        for text in fileLines(file) {
            guard let r = text.range(of: "// @checks ") else { continue }
            return Set(text[r.upperBound...].split(separator: ",").compactMap { CodeCheck(rawValue: String($0)) })
        }
        return CheckOptions().checks
    }

    @Test func everyRegressionCarriesExpectations() {
        #expect(!Self.files.isEmpty)
        for file in Self.files {
            #expect(!Self.expectations(in: file, engine: .auto).isEmpty, "\(file) has no // @expect line")
        }
    }

    /// Checked by the `vigil` executable (each contract in a process of its own), as users run it.
    @Test(arguments: files)
    func verdictsUnderEachEngine(file: String) throws {
        for engine in Engine.allCases {
            let wanted = Self.expectations(in: file, engine: engine)
            guard !wanted.isEmpty else { continue }
            let checks = Self.checks(in: file).map(\.rawValue).sorted().joined(separator: ",")
            let output = try runVigil([
                "check", file, "--engine", engine.rawValue, "--checks", checks, "--format", "json", "--quiet",
            ])
            let results = try JSONReport.decode(Data(output.utf8)).results
            for (property, verdict) in wanted {
                // `NAME` or `Contract.NAME` (a base's property is judged in each derived contract).
                let matching = results.filter {
                    [$0.property, "\($0.contract).\($0.property)"].contains {
                        $0 == property || $0.hasPrefix(property + "[")
                    }
                }
                #expect(!matching.isEmpty, "\(file): \(property) was not checked (--engine \(engine.rawValue))")
                for r in matching {
                    let ok = verdict == "safe" ? r.verdict.isSafe : r.verdict.rawValue == verdict
                    #expect(
                        ok,
                        "\(file): \(r.property) (--engine \(engine.rawValue)): expected \(verdict), got \(r.verdict.rawValue) \(r.reason ?? "")"
                    )
                }
            }
        }
    }
}
