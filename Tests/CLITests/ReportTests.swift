import Foundation
import Testing
import VigilCLI
import VigilReporting
import VigilVerifier
import Z3Backend

/// The JSON report: deterministic bytes, and valid against docs/report.schema.json.
@Suite struct ReportTests {
    static func report(_ paths: [String]) throws -> String {
        let front = FrontEnd.run(paths: paths.map { repositoryRoot.appendingPathComponent($0).path })
        let model = try #require(front.model)
        let checker = BoundedChecker(solverFactory: Z3SolverFactory(), options: CheckOptions())
        let results = model.contracts.flatMap { checker.check(model: model, contract: $0) }
        return JSONReport(sources: front.sources, toolVersion: VigilCommand.version, solverName: "z3")
            .render(results)
    }

    /// The report without its time fields, which are the only part allowed to vary.
    static func withoutTimes(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("\"time_ms\"") }.joined(separator: "\n")
    }

    static let files = [
        "examples/vault_reentrancy.vigil", "examples/vault.sol", "examples/forced_ether_equality.vigil",
    ]

    @Test func theSameInputGivesTheSameBytes() throws {
        let first = try Self.report(Self.files)
        let second = try Self.report(Self.files)
        #expect(Self.withoutTimes(first) == Self.withoutTimes(second))
        #expect(first.contains("\"verdict\" : \"violated\""))
    }

    @Test func reportsValidateAgainstTheSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-report-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = [
            try Self.report(Self.files),
            try Self.report(["examples/vault_fixed.vigil", "examples/coverage_escrow.vigil"]),
        ]
        for (i, report) in reports.enumerated() {
            let file = directory.appendingPathComponent("report\(i).json")
            try report.write(to: file, atomically: true, encoding: .utf8)
            let (status, output) = try runPython(
                """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.Draft7Validator.check_schema(schema)
                jsonschema.validate(json.load(open(sys.argv[2])), schema)
                """, arguments: [repositoryRoot.appendingPathComponent("docs/report.schema.json").path, file.path])
            #expect(status == 0, "report \(i) does not validate:\n\(output)")
        }
    }

    @Test func theSchemaRejectsAReportThatBreaksIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bad-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try Self.report(["examples/vault_reentrancy.vigil"])
            .replacingOccurrences(of: "\"verdict\" : \"violated\"", with: "\"verdict\" : \"broken\"")
        let file = directory.appendingPathComponent("bad.json")
        try report.write(to: file, atomically: true, encoding: .utf8)
        let (status, _) = try runPython(
            "import json, sys, jsonschema\njsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            arguments: [repositoryRoot.appendingPathComponent("docs/report.schema.json").path, file.path])
        #expect(status != 0)
    }
}

/// Runs a python3 program; returns its exit status and combined output.
func runPython(_ program: String, arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", program] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
