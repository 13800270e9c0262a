import Foundation
import Testing
import VigilReporting

/// The HTML page, rendered by a real headless Chromium (which .ci/run installs).
@Suite struct HTMLTests {
    static let hostile = "<script>alert(\"x\")</script>&amp;"

    /// The report of every verdict, with hostile text where the input's strings go.
    static func page() throws -> String {
        var document = try ReportFixtures.everyVerdict()
        let i = try #require(document.results.firstIndex { $0.verdict == .unknown })
        document.results[i].reason = hostile
        let v = try #require(document.results.firstIndex { $0.contract == "Vault" })
        document.results[v].trace![1].state[0].path = hostile
        let sources = Dictionary(
            document.inputs.map { ($0, String(decoding: FileManager.default.contents(atPath: $0)!, as: UTF8.self)) },
            uniquingKeysWith: { a, _ in a })
        return HTMLReport(sources: sources).render(document)
    }

    /// The page as Chromium's DOM after loading it, read back by python3's HTML parser: the
    /// visible text, the cells of the summary table, the highlighted source lines and the
    /// number of script elements.
    static func rendered(_ page: String) throws -> [String: Any] {
        try ReportFixtures.withTemporaryFile(page, named: "report.html") { file in
            let profile = file.deletingLastPathComponent().appendingPathComponent("profile")
            let (browser, dom) = try runProcess(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                    "--dump-dom", file.absoluteString,
                ])
            #expect(browser == 0, "chromium is needed: .ci/run installs it")
            let domFile = file.deletingLastPathComponent().appendingPathComponent("dom.html")
            try dom.write(to: domFile)
            let (status, json) = try runPython(
                """
                import sys, json
                from html.parser import HTMLParser
                class Reader(HTMLParser):
                    def __init__(self):
                        super().__init__()
                        self.stack, self.text, self.cells, self.hits, self.scripts = [], [], [], [], 0
                    def handle_starttag(self, tag, attrs):
                        if tag == "script": self.scripts += 1
                        self.stack.append((tag, dict(attrs).get("class", "")))
                        if tag == "tr" and any(t == "table" and c == "results" for t, c in self.stack): self.cells.append([])
                    def handle_endtag(self, tag):
                        while self.stack and self.stack.pop()[0] != tag: pass
                    def handle_data(self, data):
                        if any(t in ("style", "title") for t, _ in self.stack): return
                        self.text.append(data)
                        if self.stack and self.stack[-1][0] in ("td", "a", "span") and self.cells and any(t == "table" and c == "results" for t, c in self.stack):
                            self.cells[-1].append(data)
                        if self.stack and self.stack[-1][1] == "hit": self.hits.append(data)
                r = Reader()
                r.feed(open(sys.argv[1]).read())
                print(json.dumps({"text": "".join(r.text), "rows": [c for c in r.cells if c], "hits": r.hits, "scripts": r.scripts}))
                """, arguments: [domFile.path])
            #expect(status == 0, "\(json)")
            return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        }
    }

    @Test func chromiumShowsEveryResultAndTheCounterexample() throws {
        let dom = try Self.rendered(try Self.page())
        let text = try #require(dom["text"] as? String)
        let rows = try #require(dom["rows"] as? [[String]])
        #expect(rows.count == 8)
        #expect(rows.contains { $0.prefix(4) == ["Vault", "solvent", "invariant", "violated"] })
        #expect(rows.contains { $0.prefix(4) == ["FixedVault", "solvent", "invariant", "holds"] })
        #expect(text.contains("2 violated"))
        #expect(text.contains("Call tree") && text.contains("State, step by step"))
        #expect(text.contains("re-enters withdraw() from"))
        #expect(text.contains("solvent fails at line 15 with balance = "))
        let hits = try #require(dom["hits"] as? [String])
        #expect(hits.contains { $0.hasSuffix("invariant solvent: balance >= sum(balances);") })
        #expect(hits.contains { $0.contains("msg.sender.call{value: amount}(\"\")") })
    }

    @Test func inputTextIsShownNeverRun() throws {
        let dom = try Self.rendered(try Self.page())
        #expect(dom["scripts"] as? Int == 0)
        let text = try #require(dom["text"] as? String)
        #expect(text.components(separatedBy: Self.hostile).count - 1 == 3)  // reason in the table, tree and state table
    }

    @Test func thePageNeedsNoOtherFile() throws {
        let page = try Self.page()
        for reference in ["<script", "<link", "src=", "url(", "http://", "https://", "@import"] {
            #expect(!page.contains(reference), "the page contains \(reference)")
        }
    }
}
