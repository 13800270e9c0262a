import Foundation
import Testing
import VigilCLI
import VigilVerifier
import Z3Backend

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

    @Test(arguments: files)
    func verdictsUnderEachEngine(file: String) throws {
        let front = FrontEnd.run(paths: [file])
        let model = try #require(front.model, "\(file) does not type-check")
        for engine in Engine.allCases {
            let wanted = Self.expectations(in: file, engine: engine)
            guard !wanted.isEmpty else { continue }
            var options = CheckOptions()
            options.engine = engine
            options.checks = Self.checks(in: file)
            let checker = BoundedChecker(solverFactory: Z3SolverFactory(), options: options)
            let results = model.contracts.flatMap { checker.check(model: model, contract: $0) }
            for (property, verdict) in wanted {
                let matching = results.filter {
                    $0.property.name == property || $0.property.name.hasPrefix(property + "[")
                }
                #expect(!matching.isEmpty, "\(file): \(property) was not checked (--engine \(engine.rawValue))")
                for r in matching {
                    let ok = verdict == "safe" ? r.verdict.isSafe : r.verdict.rawValue == verdict
                    #expect(
                        ok,
                        "\(file): \(r.property.name) (--engine \(engine.rawValue)): expected \(verdict), got \(r.verdict.rawValue) \(r.reason ?? "")"
                    )
                }
            }
        }
    }
}
