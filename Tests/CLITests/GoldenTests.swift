import Foundation
import Testing
import VigilBasics
import VigilCLI
import VigilReporting
import VigilVerifier
import Z3Backend

/// Runs the checker over examples/, Tests/Examples and specs/ as `vigil check` does and checks every
/// `// @expect` line; runs every invalid fixture and checks its `// @expect-error` lines.
@Suite struct GoldenTests {
    /// The folders checked: the examples, and those kept for the tests because they exist to
    /// exhaust budgets (they would slow the README's first command).
    static let folders = ["examples", "Tests/Examples"]

    /// The front end of the folders, and their results as `vigil check` reports them (the
    /// executable: each contract in a process of its own).
    static let exampleResults: (FrontEndResult, [ResultRecord]) = {
        let front = FrontEnd.run(paths: folders.map { repositoryRoot.appendingPathComponent($0).path })
        let output = (try? runVigil(["check"] + folders + ["--format", "json", "--quiet"])) ?? ""
        return (front, (try? JSONReport.decode(Data(output.utf8)).results) ?? [])
    }()

    /// Every file of the folders, a project's `lib/` included (its code is judged in the
    /// contracts of `src/` that use it, under the file's own name: `assert@ERC20.sol:86`).
    static let expectationFiles =
        folders.flatMap { repositoryFiles(in: $0, extensions: ["sol", "vigil", "spec"]) }
        + repositoryFiles(in: "specs", extensions: ["spec"])

    @Test func examplesAndSpecsParseAndTypeCheck() {
        let (front, _) = Self.exampleResults
        let errors = front.diagnostics.filter { $0.severity == .error }
        let renderer = DiagnosticRenderer(sources: front.sources, colored: false)
        #expect(errors.isEmpty, "\(errors.map(renderer.render).joined())")
        #expect(front.model != nil)
    }

    @Test func everyExampleCarriesExpectations() {
        for file in Self.expectationFiles {
            #expect(!verdictExpectations(in: file).isEmpty, "\(file) has no // @expect line")
        }
    }

    /// Once the unbounded engine exists, a safe example expects `proved`; anything weaker says why.
    @Test func everyWeakerExpectationSaysWhy() {
        for file in Self.expectationFiles {
            for (index, text) in fileLines(file).enumerated() where text.contains("// @expect ") {
                let weak = [" safe", " holds", " unknown"].contains { text.contains($0) }
                #expect(
                    !weak || text.contains("// why:"), "\(file):\(index + 1) expects less than proved without a why")
            }
        }
    }

    /// The number of `proved` results over examples/ and specs/ never drops below the baseline
    /// kept in Tests/proved-baseline.txt (raise it when more is proved).
    @Test func provedResultsKeepTheBaseline() throws {
        let text = fileLines(repositoryRoot.appendingPathComponent("Tests/proved-baseline.txt").path)
        let baseline = try #require(text.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.first)
        let proved = Self.exampleResults.1.filter { $0.verdict == .proved }.count
        #expect(proved >= baseline, "\(proved) proved results, the baseline is \(baseline)")
    }

    @Test(arguments: expectationFiles)
    func expectationsHold(file: String) {
        let (_, results) = Self.exampleResults
        for expectation in verdictExpectations(in: file) {
            let matching = results.filter { r in
                (r.property == expectation.property || r.property.hasPrefix(expectation.property + "["))
                    && belongs(r, to: file)
            }
            #expect(!matching.isEmpty, "\(expectation): no such property was checked")
            for r in matching {
                let ok =
                    expectation.verdict == "safe" ? r.verdict.isSafe : r.verdict.rawValue == expectation.verdict
                #expect(ok, "\(expectation): got \(r.verdict.rawValue) \(r.reason ?? "")")
            }
        }
    }

    /// A result belongs to a file when the property is written there or its contract is declared there.
    private func belongs(_ r: ResultRecord, to file: String) -> Bool {
        let standardized = (file as NSString).standardizingPath
        return [r.file, r.contractFile].contains {
            (repositoryRoot.appendingPathComponent($0).path as NSString).standardizingPath == standardized
        }
    }

    static let fixtures = repositoryFiles(in: "Tests/Fixtures", extensions: ["sol", "vigil", "spec"])
        .filter { !errorExpectations(in: $0).isEmpty }

    @Test(arguments: fixtures)
    func invalidInputGetsItsDiagnostics(file: String) {
        let front = FrontEnd.run(paths: [file])
        let errors = front.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "\(file) was accepted")
        let renderer = DiagnosticRenderer(sources: front.sources, colored: false)
        let rendered = errors.map(renderer.render).joined()
        for expectation in errorExpectations(in: file) {
            // A diagnostic matches at its own location or at one of its notes' (an import cycle
            // is reported where it closes, with a note at every other import of the cycle).
            let found = errors.contains { d in
                let text = ([d.message] + d.notes.map(\.message)).joined(separator: "\n")
                guard text.localizedCaseInsensitiveContains(expectation.message) else { return false }
                let places = ([d.range] + d.notes.map(\.range)).compactMap { $0 }
                return places.contains { range in
                    let lc = front.sources.start(of: range)
                    return (front.sources[range.file].path as NSString).standardizingPath
                        == (file as NSString).standardizingPath
                        && lc.line == expectation.line && lc.column == expectation.column
                }
            }
            #expect(found, "\(file): expected error at \(expectation), got:\n\(rendered)")
        }
    }
}
