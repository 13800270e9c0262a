import ArgumentParser
import Foundation
import VigilReporting
import VigilVerifier

/// Formats of a report on standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github
}

/// The report options that `vigil check` and `vigil merge` share: the format on standard
/// output and files to write other formats to, all from one report.
struct ReportOptions: ParsableArguments {
    @Option(help: "The format on standard output.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("json"), help: ArgumentHelp("Also write the JSON report to this file.", valueName: "file"))
    var jsonFile: String?

    @Option(
        name: .customLong("sarif"), help: ArgumentHelp("Also write a SARIF 2.1.0 log to this file.", valueName: "file"))
    var sarifFile: String?

    @Option(name: .customLong("junit"), help: ArgumentHelp("Also write JUnit XML to this file.", valueName: "file"))
    var junitFile: String?

    @Option(
        name: .customLong("html"),
        help: ArgumentHelp("Also write a self-contained HTML page with every counterexample.", valueName: "file"))
    var htmlFile: String?

    @Flag(help: "Text: print the inductive invariant behind each proved result.")
    var showInvariants = false

    @Flag(help: "Text: leave out safe results; show only what needs attention and the summary.")
    var quiet = false

    @Flag(help: "Text: show each result's assumptions and time; check: say where the time went (standard error).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    /// Prints the report in `format` and writes every file asked for; `sources` holds the text
    /// of the source files by path, for the HTML page. A file that cannot be written is an
    /// error of its own, after the others are written.
    func emit(_ document: ReportDocument, sources: [String: String]) throws {
        print(try render(document, as: format), terminator: "")
        var failures: [String] = []
        let files: [(String?, () throws -> String)] = [
            (jsonFile, { try render(document, as: .json) }), (sarifFile, { try render(document, as: .sarif) }),
            (junitFile, { try render(document, as: .junit) }),
            (htmlFile, { HTMLReport(sources: sources).render(document) }),
        ]
        for case (let path?, let contents) in files {
            do {
                try Data(try contents().utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                failures.append("cannot write \(path): \(error.localizedDescription)")
            }
        }
        if !failures.isEmpty {
            printError(failures.map { "error: \($0)\n" }.joined())
            throw ExitStatus.badInput.code
        }
    }

    func render(_ document: ReportDocument, as format: OutputFormat) throws -> String {
        switch format {
        case .text: TextReport(quiet: quiet, verbose: verbose, showInvariants: showInvariants).render(document)
        case .json: try JSONReport.render(document)
        case .sarif: try SARIFReport(paths: .current).render(document)
        case .junit: JUnitReport().render(document)
        case .github: GitHubReport(paths: .current).render(document)
        }
    }
}
