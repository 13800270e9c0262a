import ArgumentParser
import Foundation
import Testing

@testable import VigilCLI

/// The command line: exit statuses of §6 and complete help.
@Suite struct CommandTests {
    /// Runs `vigil ARGS` in process and returns its exit status.
    func exitStatus(_ arguments: [String]) -> Int32 { VigilCommand.execute(arguments) }

    func path(_ p: String) -> String { repositoryRoot.appendingPathComponent(p).path }

    @Test func exitStatusesFollowTheDesign() throws {
        #expect(exitStatus(["check", path("examples/vault_reentrancy.vigil")]) == 1)
        #expect(exitStatus(["check", path("examples/vault_fixed.vigil")]) == 0)
        #expect(exitStatus(["check", path("Tests/Fixtures/undeclared_identifier.sol")]) == 2)
        #expect(exitStatus(["check", path("no/such/file.sol")]) == 2)
        #expect(exitStatus(["check", "--depth", "-1", path("examples/vault_fixed.vigil")]) == 2)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-loop-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("loop.vigil")
        try """
        contract Loop {
            uint n;
            invariant small: n < 1000;
            function spin(uint k) public { for (uint i = 0; i < k; i++) { n += 0; } }
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        // The bounded engine alone: a loop past its bound is `unknown` (the prover would prove it).
        #expect(exitStatus(["check", "--engine", "bmc", "--loops", "1", "--depth", "1", file.path]) == 3)
    }

    @Test func oneRunWritesEveryFormatAskedFor() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-outputs-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["json", "sarif", "junit"].map { directory.appendingPathComponent("report.\($0)").path }
        let status = exitStatus(
            [
                "check", "--format", "github", "--json", files[0], "--sarif", files[1], "--junit", files[2],
                path("examples/vault_reentrancy.vigil"),
            ])
        #expect(status == 1)
        let texts = files.map { String(decoding: FileManager.default.contents(atPath: $0) ?? Data(), as: UTF8.self) }
        #expect(texts[0].contains("\"schemaVersion\" : 2"))
        #expect(texts[1].contains("\"version\" : \"2.1.0\""))
        #expect(texts[2].hasPrefix("<?xml") && texts[2].contains("<failure "))
        #expect(exitStatus(["check", "--json", directory.path, path("examples/vault_fixed.vigil")]) == 2)
        #expect(exitStatus(["check", "--quiet", "--verbose", path("examples/vault_fixed.vigil")]) == 2)
    }

    @Test func parseStopsAtTheFrontEnd() {
        #expect(exitStatus(["parse", path("examples/vault_reentrancy.vigil")]) == 0)
        #expect(exitStatus(["parse", path("Tests/Fixtures/syntax_missing_semicolon.sol")]) == 2)
    }

    @Test func helpListsEveryOption() {
        let help = VigilCommand.helpMessage(for: CheckCommand.self)
        for option in [
            "--depth", "--reentrancy", "--reentrant-calls", "--loops", "--rlimit", "--timeout", "--engine", "--format",
            "--json <file>", "--sarif <file>", "--junit <file>", "--html <file>", "--quiet", "--verbose",
            "--shard <I/N>", "--cache <dir>",
        ] {
            #expect(help.contains(option), "check --help lacks \(option)")
        }
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("(values: text, json, sarif, junit, github; default: text)"))
        #expect(help.contains("Exit status"))
        #expect(VigilCommand.helpMessage(for: ParseCommand.self).contains("--dump-ast"))
        let merge = VigilCommand.helpMessage(for: MergeCommand.self)
        for option in [
            "<reports> ...", "--format", "--json <file>", "--sarif <file>", "--junit <file>", "--html <file>",
        ] {
            #expect(merge.contains(option), "merge --help lacks \(option)")
        }
        let replay = VigilCommand.helpMessage(for: ReplayCommand.self)
        #expect(replay.contains("<report>") && replay.contains("--source <path>") && replay.contains("Exit status"))
    }
}
