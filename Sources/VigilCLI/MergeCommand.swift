import ArgumentParser
import Foundation
import VigilReporting
import VigilVerifier

/// `vigil merge`: one report from the JSON reports of several shards, in any format.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the JSON reports of shards (check --shard I/N --json FILE) into one report.",
        discussion: """
            The reports must come from the same Vigil version and share no result. Exit status as for check: \
            0 nothing violated, 1 a property is violated, 2 bad input or usage, 3 nothing violated but some \
            result is unknown.
            """)

    @Argument(help: "JSON reports to combine.")
    var reports: [String]

    @OptionGroup(title: "Reports")
    var report: ReportOptions

    func run() throws {
        var documents: [ReportDocument] = []
        for path in reports {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Self.failure("cannot read \(path)")
            }
            do {
                documents.append(try JSONReport.decode(data))
            } catch {
                throw Self.failure("\(path) is not a Vigil report: \(error.description)")
            }
        }
        let merged = try Self.merge(documents, names: reports)
        var sources: [String: String] = [:]
        for path in merged.inputs {
            if let data = FileManager.default.contents(atPath: path) {
                sources[path] = String(decoding: data, as: UTF8.self)
            }
        }
        try report.emit(merged, sources: sources)
        let status = ExitStatus.of(merged.verdicts)
        if status != .success { throw status.code }
    }

    /// The reports as one; `names` name them in errors (a different tool, or a result in two of them).
    static func merge(_ documents: [ReportDocument], names: [String]) throws -> ReportDocument {
        guard let first = documents.first else { throw failure("no report to merge") }
        var inputs: [String] = []
        var seen: [String: String] = [:]
        for (document, name) in zip(documents, names) {
            guard document.tool == first.tool else {
                throw failure(
                    "\(name) comes from \(document.tool.name) \(document.tool.version) with \(document.tool.solver), "
                        + "\(names[0]) from \(first.tool.name) \(first.tool.version) with \(first.tool.solver)")
            }
            for input in document.inputs where !inputs.contains(input) { inputs.append(input) }
            for r in document.results {
                let key = "\(r.file): \(r.qualifiedName)"
                if let other = seen[key] { throw failure("\(key) is in both \(other) and \(name)") }
                seen[key] = name
            }
        }
        // Every shard lists every contract of the run, with the same counts.
        var contracts: [String: ContractRecord] = [:]
        for c in documents.flatMap({ $0.contracts ?? [] }) { contracts["\(c.file):\(c.name)"] = c }
        return ReportDocument(
            tool: first.tool, inputs: inputs, results: documents.flatMap(\.results),
            contracts: contracts.sorted { $0.key < $1.key }.map(\.value))
    }

    private static func failure(_ message: String) -> ExitCode {
        printError("error: \(message)\n")
        return ExitStatus.badInput.code
    }
}
