import Foundation
import Testing
import VigilCLI
import VigilReporting
import VigilVerifier
import Z3Backend

/// Reports of real checks, shared by the tests of every format.
enum ReportFixtures {
    /// Checks the files (relative to the repository, or absolute) and returns the report `vigil check` prints.
    /// The bounded engine only, so the fixtures keep a `holds` beside the synthetic `proved`.
    static func document(_ paths: [String], options: CheckOptions = CheckOptions(engine: .bmc)) throws
        -> ReportDocument
    {
        let front = FrontEnd.run(
            paths: paths.map { $0.hasPrefix("/") ? $0 : repositoryRoot.appendingPathComponent($0).path })
        let model = try #require(front.model)
        let checker = ModelChecker(solverFactory: Z3SolverFactory(), options: options)
        let results = model.contracts.flatMap { checker.check(model: model, contract: $0) }
        return ReportDocument(results: results, model: model, tool: .init(version: VigilCommand.version, solver: "z3"))
    }

    /// The re-entrant vault (violated), its fix (holds) and the spec'd vault: checked once for all tests.
    static let vaults: Result<ReportDocument, any Error> = Result {
        try document(["examples/vault_reentrancy.vigil", "examples/vault_fixed.vigil", "examples/vault.sol"])
    }

    /// A contract whose rule holds with a sanity warning: its assert holds whatever `bump` does.
    static let checksNothing = """
        contract Counter {
            uint count;
            function bump(uint by) public { count += by; }
            rule bumpChecksNothing(uint by) {
                call bump(by);
                assert(count == count);
            }
        }
        """

    /// Rules: a violated `call any` rule with an input (ownable), a satisfied witness, an
    /// unsatisfiable and a vacuous rule (token), and a rule that holds with a warning.
    static let rules: Result<ReportDocument, any Error> = Result {
        try withTemporaryFile(checksNothing, named: "counter.vigil") { file in
            try document(["examples/ownable.sol", "examples/token.sol", file.path])
        }
    }

    /// `vaults` with one result of every other verdict added, as the unbounded engine and rules will give.
    static func everyVerdict() throws -> ReportDocument {
        let base = try vaults.get()
        var extra: [ResultRecord] = []
        let template = try #require(base.results.first { $0.verdict == .holds })
        let witness = try #require(base.results.first { $0.verdict == .violated })
        for (verdict, reason) in [
            (Verdict.proved, nil), (.vacuous, "no execution reaches it"), (.unknown, "solver: canceled at depth 2"),
            (.satisfied, nil), (.unsatisfiable, nil),
        ] as [(Verdict, String?)] {
            var r = template
            r.property = "synthetic_\(verdict.rawValue)"
            r.verdict = verdict
            r.reason = reason
            if verdict == .satisfied {
                (r.trace, r.failure, r.schedule) = (witness.trace, witness.failure, witness.schedule)
            }
            extra.append(r)
        }
        return ReportDocument(tool: base.tool, inputs: base.inputs, results: base.results + extra)
    }

    /// The text written to a fresh temporary file, which is removed when `body` returns.
    static func withTemporaryFile<T>(
        _ text: String, named name: String, _ body: (URL) throws -> T
    ) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try body(file)
    }
}

/// Validates a JSON document against a JSON schema with python3's jsonschema (the schema is
/// checked too); returns the validator's complaint, or nil when the document is valid.
func schemaViolation(of json: String, schema: URL) throws -> String? {
    try ReportFixtures.withTemporaryFile(json, named: "document.json") { file in
        let (status, output) = try runPython(
            """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.validators.validator_for(schema).check_schema(schema)
            jsonschema.validate(json.load(open(sys.argv[2])), schema)
            """, arguments: [schema.path, file.path])
        return status == 0 ? nil : output
    }
}

/// Runs a python3 program; returns its exit status and combined output.
func runPython(_ program: String, arguments: [String]) throws -> (Int32, String) {
    let (status, output) = try runProcess(
        URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", program] + arguments, mergingErrors: true)
    return (status, String(decoding: output, as: UTF8.self))
}
