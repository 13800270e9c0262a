import Foundation
import Testing
import VigilReporting

@testable import VigilCLI

/// `--cache DIR`: unchanged work comes from the cache and says so; anything else is checked again.
@Suite struct CacheTests {
    @Test func cacheKeysUseSHA256() {
        #expect(ResultCache.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            ResultCache.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ResultCache.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            ResultCache.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The re-entrant vault and its fix, copied to a fresh folder with a cache beside them.
    struct Workspace {
        let folder: URL
        var vault: URL { folder.appendingPathComponent("vault.vigil") }
        var fixed: URL { folder.appendingPathComponent("fixed.vigil") }
        var cache: URL { folder.appendingPathComponent("cache") }

        /// Runs `vigil check --cache` with `extra` options; returns the exit status and the JSON report.
        func check(_ extra: [String] = []) throws -> (Int32, ReportDocument) {
            let report = folder.appendingPathComponent("report.json")
            let status = VigilCommand.execute(
                ["check", "--quiet", "--cache", cache.path, "--json", report.path] + extra + [vault.path, fixed.path])
            let data = try Data(contentsOf: report)
            #expect(try schemaViolation(of: String(decoding: data, as: UTF8.self), schema: ReportTests.schema) == nil)
            return (status, try JSONReport.decode(data))
        }

        /// Which contracts came from the cache.
        func cached(_ document: ReportDocument) -> Set<String> {
            Set(document.results.filter { $0.cached == true }.map(\.contract))
        }

        var entries: [URL] {
            (try? FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)) ?? []
        }
    }

    static func workspace<T>(_ body: (Workspace) throws -> T) throws -> T {
        try ReportFixtures.withTemporaryFile("", named: "unused") { file in
            let w = Workspace(folder: file.deletingLastPathComponent())
            for (from, to) in [("examples/vault_reentrancy.vigil", w.vault), ("examples/vault_fixed.vigil", w.fixed)] {
                try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(from), to: to)
            }
            return try body(w)
        }
    }

    @Test func unchangedContractsComeFromTheCache() throws {
        try Self.workspace { w in
            let (firstStatus, first) = try w.check()
            #expect(firstStatus == 1 && w.cached(first).isEmpty && w.entries.count == 2)
            let (secondStatus, second) = try w.check()
            #expect(secondStatus == 1)
            #expect(w.cached(second) == ["Vault", "FixedVault"])
            var uncached = second
            for i in uncached.results.indices { uncached.results[i].cached = nil }
            #expect(uncached == first)
            let text = TextReport().render(second)
            #expect(
                text.contains("FixedVault.solvent: proved (cached)"))
            #expect(text.contains("Vault.solvent: violated (cached)\n  counterexample:\n"))
        }
    }

    @Test func aChangedFileOrOptionIsCheckedAgain() throws {
        try Self.workspace { w in
            _ = try w.check()
            let source = try String(contentsOf: w.fixed, encoding: .utf8)
            try (source + "\n// edited\n").write(to: w.fixed, atomically: true, encoding: .utf8)
            #expect(w.cached(try w.check().1) == ["Vault"])
            #expect(w.cached(try w.check(["--depth", "3"]).1).isEmpty)
            #expect(w.cached(try w.check(["--rlimit", "19000000"]).1).isEmpty)
            // A shard that checks the same properties of a contract reuses its results.
            let shard = try w.check(["--shard", "1/2"]).1
            #expect(shard.results.count == 1 && w.cached(shard) == ["Vault"])
            #expect(w.cached(try w.check().1) == ["Vault", "FixedVault"])
        }
    }

    @Test func corruptedAndForeignEntriesAreIgnored() throws {
        try Self.workspace { w in
            _ = try w.check()
            let entries = w.entries.sorted { $0.path < $1.path }
            #expect(entries.count == 2)
            // One entry garbled, the other replaced by a copy of the first (written for another key).
            let original = try Data(contentsOf: entries[0])
            try Data("{\"format\": \"vigil-result-cache-1\", \"key\": ".utf8).write(to: entries[0])
            try original.write(to: entries[1])
            let (status, document) = try w.check()
            #expect(status == 1)
            #expect(w.cached(document).isEmpty)
            #expect(document.results.map(\.verdict.rawValue).sorted() == ["proved", "violated"])
            #expect(w.cached(try w.check().1) == ["Vault", "FixedVault"])
        }
    }
}
