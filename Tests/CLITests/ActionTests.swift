import Foundation
import Testing

/// The GitHub Action's script (scripts/vigil-action.sh), run here as the action runs it, on the
/// example Foundry project; and action.yml against what docs/CI.md says of it.
@Suite struct ActionTests {
    @Test func theScriptGatesAndReportsOnTheExampleProject() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-action-\(UUID())")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let outputs = temporary.appendingPathComponent("github-output")
        let reports = temporary.appendingPathComponent("reports")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["scripts/vigil-action.sh"]
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging([
            "VIGIL": vigilExecutable.path, "INPUT_PATHS": "examples/foundry-project",
            "INPUT_OUTPUT_DIR": reports.path, "GITHUB_OUTPUT": outputs.path,
        ]) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // EtherVault's `backed` is violated: the gate fails, with an annotation at the spec.
        #expect(process.terminationStatus == 1)
        #expect(printed.contains("::error file=") && printed.contains("EtherVault.spec"))
        let written = try String(contentsOf: outputs, encoding: .utf8)
        for line in ["status=1", "violated=1", "proved=15", "unknown=0", "sarif=\(reports.path)/vigil.sarif"] {
            #expect(written.contains(line), "\(line) missing from the outputs:\n\(written)")
        }
        for report in ["vigil.json", "vigil.sarif", "vigil.xml", "vigil.html"] {
            #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(report).path))
        }
    }

    /// Every input docs/CI.md and docs/github-actions.yml give the action is one action.yml declares.
    @Test func theDocumentedInputsExist() throws {
        let action = fileLines(repositoryRoot.appendingPathComponent("action.yml").path)
        let inputs = action.drop { $0 != "inputs:" }.dropFirst().prefix { !$0.hasPrefix("outputs:") }
        let declared = Set(
            inputs.compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") else { return nil }
                return String(line.dropFirst(2).dropLast())
            })
        #expect(
            declared.isSuperset(of: ["paths", "checks", "engine", "shard", "merge", "fail-on-unknown", "output-dir"]))
        for doc in ["docs/CI.md", "docs/github-actions.yml", "README.md"] {
            var given: Set<String> = []
            var state = 0  // 1: after `uses: vigil-verifier/vigil`, 2: in its `with:`
            var indent = 0
            for line in fileLines(repositoryRoot.appendingPathComponent(doc).path) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let depth = line.prefix { $0 == " " }.count
                if trimmed.contains("uses: vigil-verifier/vigil@") {
                    state = 1
                } else if state == 1, trimmed == "with:" {
                    state = 2
                    indent = depth
                } else if state == 2, depth > indent, let colon = trimmed.firstIndex(of: ":") {
                    given.insert(String(trimmed[..<colon]))
                } else if state == 2 || (state == 1 && trimmed.hasPrefix("- ")) {
                    state = 0
                }
            }
            #expect(!given.isEmpty, "\(doc) gives the action no input")
            #expect(given.isSubset(of: declared), "\(doc): undeclared inputs \(given.subtracting(declared))")
        }
    }
}
