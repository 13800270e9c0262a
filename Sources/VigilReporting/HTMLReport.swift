/// The report as one self-contained HTML page: a summary table of every property, then for
/// each counterexample (or witness) its call tree, a table of the state each step changed
/// and the source lines involved, highlighted. No script and no external asset; every string
/// that comes from the input is escaped.
public struct HTMLReport: Sendable {
    /// The text of each source file, by the path the report names it with; a file missing
    /// here is shown without its lines.
    public let sources: [String: String]

    public init(sources: [String: String]) { self.sources = sources }

    /// The page.
    public func render(_ document: ReportDocument) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Vigil report</title>
            <style>
            \(Self.styleSheet)
            </style>
            </head>
            <body>
            <h1>Vigil report</h1>

            """
        out += "<p class=\"summary\">\(escapeMarkup(TextReport.summaryLine(document)))</p>\n"
        if let coverage = document.coverage { out += "<p class=\"meta\">\(escapeMarkup(coverage))</p>\n" }
        for c in document.uncheckedContracts {
            out += "<p class=\"warning\">\(escapeMarkup("\(c.file):\(c.line): warning: \(c.warning)"))</p>\n"
        }
        out +=
            "<p class=\"meta\">\(escapeMarkup("\(document.tool.name) \(document.tool.version), \(document.tool.solver)"))"
        out += "</p>\n" + summaryTable(document.results)
        for (index, r) in document.results.enumerated() where r.trace != nil {
            out += section(r, anchor: "result-\(index + 1)")
        }
        return out + "</body>\n</html>\n"
    }

    // MARK: - Summary

    private func summaryTable(_ results: [ResultRecord]) -> String {
        var out = "<table class=\"results\">\n<thead><tr><th>Contract</th><th>Property</th><th>Kind</th>"
        out += "<th>Verdict</th><th>Location</th><th>Details</th></tr></thead>\n<tbody>\n"
        for (index, r) in results.enumerated() {
            var name = escapeMarkup(r.property)
            if r.trace != nil { name = "<a href=\"#result-\(index + 1)\">\(name)</a>" }
            let bounded = r.verdict == .holds || (r.verdict == .unsatisfiable && r.invariant == nil)
            var details = r.reason ?? (bounded ? r.bounds.description : "")
            if r.cached == true { details += details.isEmpty ? "cached" : " (cached)" }
            let warnings = (r.warnings ?? []).map { "<div class=\"warning\">warning: \(escapeMarkup($0))</div>" }
            out += "<tr><td>\(escapeMarkup(r.contract))</td><td>\(name)</td><td>\(r.kind.rawValue)</td>"
            out += "<td>\(badge(r))</td><td class=\"mono\">\(escapeMarkup("\(r.file):\(r.line):\(r.column)"))</td>"
            out += "<td>\(escapeMarkup(details))\(warnings.joined())</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func badge(_ r: ResultRecord) -> String {
        "<span class=\"verdict v-\(r.verdict.rawValue)\">\(r.verdict.rawValue)</span>"
    }

    // MARK: - One counterexample

    private func section(_ r: ResultRecord, anchor: String) -> String {
        let steps = r.trace ?? []
        var out = "<section id=\"\(anchor)\">\n<h2>\(escapeMarkup(r.qualifiedName)) \(badge(r))</h2>\n"
        out += "<p class=\"meta\">\(escapeMarkup("\(r.file):\(r.line):\(r.column)")) · "
        out += escapeMarkup(r.assumptions.joined(separator: " · ")) + "</p>\n"
        if let failure = r.failure {
            var text = "\(r.property) \(r.verdict == .satisfied ? "is satisfied" : "fails") at line \(failure.line)"
            if !failure.parts.isEmpty { text += " with " + failure.parts.map(\.summary).joined(separator: ", ") }
            out += "<p class=\"failure\">\(escapeMarkup(text))</p>\n"
        }
        out += "<h3>Call tree</h3>\n<ol class=\"tree\">\n"
        if let ether = r.initialBalance { out += "<li>ether before deployment: \(escapeMarkup(ether))</li>\n" }
        for step in steps where !step.ruleCall { out += tree(step) }
        if let ether = r.failure?.forcedEther { out += "<li>ether forced in: \(escapeMarkup(ether))</li>\n" }
        if let start = r.ruleStart {
            out += "<li class=\"rule-start\">\(escapeMarkup(start))</li>\n"
            for step in steps where step.ruleCall { out += tree(step) }
        }
        out += "</ol>\n<h3>State, step by step</h3>\n" + stateTable(steps)
        out += "<h3>Source</h3>\n" + sourceExcerpts(r, steps)
        return out + "</section>\n"
    }

    private func tree(_ step: StepRecord) -> String {
        var out = "<li>"
        if step.forcedEther != "0" { out += "ether forced in: \(escapeMarkup(step.forcedEther))<br>" }
        let summary = "<span class=\"mono\">\(escapeMarkup(step.summary))</span>"
        out += step.ruleCall ? "<span class=\"rule-call\">\(summary)</span>" : summary
        out += " <span class=\"lineref\">line \(step.line)</span>"
        var inner = ""
        func emitted(before calls: Int) -> String {
            step.events(afterCalls: calls).map {
                "<li class=\"event\">emits <span class=\"mono\">\(escapeMarkup($0.summary))</span>"
                    + " <span class=\"lineref\">line \($0.line)</span></li>\n"
            }.joined()
        }
        for (i, call) in step.calls.enumerated() {
            inner += emitted(before: i)
            inner +=
                "<li class=\"handover\"><span class=\"mono\">\(escapeMarkup(call.summary))</span> \(call.effect)"
            inner += " <span class=\"lineref\">line \(call.line)</span>"
            if call.forcedEther != "0" { inner += "<br>ether forced in: \(escapeMarkup(call.forcedEther))" }
            if !call.calls.isEmpty { inner += "\n<ol>\n" + call.calls.map(tree).joined() + "</ol>\n" }
            inner +=
                (call.calls.isEmpty ? "<br>" : "")
                + "returns <span class=\"mono\">\(escapeMarkup(call.outcome))</span></li>\n"
        }
        inner += emitted(before: step.calls.count)
        if let reason = step.reverted {
            inner += "<li class=\"reverts\">reverts: \(escapeMarkup(reason))</li>\n"
        } else {
            if let value = step.returned {
                inner += "<li>returns <span class=\"mono\">\(escapeMarkup(value))</span></li>\n"
            }
            if !step.state.isEmpty {
                let changes = step.state.map { escapeMarkup($0.summary) }.joined(separator: "<br>")
                inner += "<li class=\"changes mono\">\(changes)</li>\n"
            }
        }
        if !inner.isEmpty { out += "\n<ol>\n" + inner + "</ol>\n" }
        return out + "</li>\n"
    }

    /// One row per state change, steps numbered as in the tree: 2, 2.1 (the first re-entrant
    /// call under step 2), 2.1.1, ...
    private func stateTable(_ steps: [StepRecord]) -> String {
        var rows = ""
        func visit(_ step: StepRecord, _ number: String) {
            var nested = 0
            for call in step.calls {
                for inner in call.calls {
                    nested += 1
                    visit(inner, "\(number).\(nested)")
                }
            }
            let rowCount = step.reverted == nil ? max(1, step.state.count) : 1
            let span = rowCount > 1 ? " rowspan=\"\(rowCount)\"" : ""
            let head =
                "<td\(span)>\(number)</td><td\(span) class=\"mono\">\(escapeMarkup(step.summary))</td><td\(span)>\(step.line)</td>"
            if let reason = step.reverted {
                rows += "<tr>\(head)<td colspan=\"3\" class=\"reverts\">reverts: \(escapeMarkup(reason))</td></tr>\n"
            } else if step.state.isEmpty {
                rows += "<tr>\(head)<td colspan=\"3\">no change</td></tr>\n"
            }
            for (i, change) in (step.reverted == nil ? step.state : []).enumerated() {
                rows += "<tr>\(i == 0 ? head : "")<td class=\"mono\">\(escapeMarkup(change.path))</td>"
                rows +=
                    "<td class=\"mono\">\(escapeMarkup(change.old))</td><td class=\"mono\">\(escapeMarkup(change.new))</td></tr>\n"
            }
        }
        for (i, step) in steps.enumerated() { visit(step, "\(i + 1)") }
        var out = "<table class=\"steps\">\n<thead><tr><th>Step</th><th>Call</th><th>Line</th><th>Changed</th>"
        out += "<th>Before</th><th>After</th></tr></thead>\n<tbody>\n"
        return out + rows
            + "</tbody>\n</table>\n<p class=\"meta\">A step's changes include those of the calls nested in it, "
            + "which finish first and are listed before it.</p>\n"
    }

    // MARK: - Source

    /// The lines of every step, handover and the failure, each with a line of context.
    private func sourceExcerpts(_ r: ResultRecord, _ steps: [StepRecord]) -> String {
        var lines: [String: Set<Int>] = [:]
        func visit(_ step: StepRecord) {
            lines[r.contractFile, default: []].insert(step.line)
            for call in step.calls {
                lines[r.contractFile, default: []].insert(call.line)
                call.calls.forEach(visit)
            }
        }
        steps.forEach(visit)
        lines[r.file, default: []].insert(r.failure?.line ?? r.line)
        var out = ""
        for file in lines.keys.sorted() {
            let hits = lines[file, default: []].filter { $0 >= 1 }
            out += "<p class=\"mono\">\(escapeMarkup(file))</p>\n"
            guard let text = sources[file] else {
                out += "<p class=\"meta\">source not available</p>\n"
                continue
            }
            let all = text.split(separator: "\n", omittingEmptySubsequences: false)
            let shown = Set(hits.flatMap { [$0 - 1, $0, $0 + 1] }).filter { $0 >= 1 && $0 <= all.count }.sorted()
            out += "<pre class=\"source\">"
            var previous = 0
            for n in shown {
                if previous > 0 && n > previous + 1 { out += "<span class=\"gap\">    …</span>" }
                let number = String(repeating: " ", count: max(0, 4 - String(n).count)) + String(n)
                let cls = hits.contains(n) ? " class=\"hit\"" : ""
                out +=
                    "<span\(cls)>\(number)  \(escapeMarkup(String(all[n - 1]).trimmingTrailingCarriageReturn))</span>"
                previous = n
            }
            out += "</pre>\n"
        }
        return out
    }
}

extension String {
    fileprivate var trimmingTrailingCarriageReturn: String { hasSuffix("\r") ? String(dropLast()) : self }
}
