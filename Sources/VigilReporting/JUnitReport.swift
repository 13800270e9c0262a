import Foundation

/// The report as JUnit XML, for CI services that show test results: a test suite per
/// contract and a test case per property. A `violated` property is a failure carrying the
/// text counterexample; `unknown`, `vacuous` and `unsatisfiable` are skipped with the reason
/// (they are not a pass, and the exit status does not fail on them either); the rest pass.
/// A result's sanity warnings are its test case's `system-out`, a `  warning: …` line each.
public struct JUnitReport: Sendable {
    public init() {}

    /// The XML document, ending with a newline.
    public func render(_ document: ReportDocument) -> String {
        var contracts: [String] = []
        for r in document.results where !contracts.contains(r.contract) { contracts.append(r.contract) }
        let suites = contracts.map { c in suite(c, document.results.filter { $0.contract == c }) }
        let all = document.results
        let unchecked = document.uncheckedContracts
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"vigil\"\(counts(all, skippedContracts: unchecked.count))>\n"
        for s in suites { out += s }
        // A contract nothing checks: a suite with one skipped case, so the CI page shows it.
        for c in unchecked {
            out += "  <testsuite name=\"\(escapeMarkup(c.name))\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\""
            out += " time=\"0.000\">\n"
            out += "    <testcase name=\"nothing checked\" classname=\"\(escapeMarkup(c.name))\""
            out += " file=\"\(escapeMarkup(c.file))\" line=\"\(c.line)\" time=\"0.000\">\n"
            out += "      <skipped message=\"\(escapeMarkup(c.warning))\"/>\n    </testcase>\n  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private func counts(_ results: [ResultRecord], skippedContracts: Int = 0) -> String {
        let failures = results.filter { $0.verdict == .violated }.count
        let skipped = results.filter { Self.skipMessage($0) != nil }.count + skippedContracts
        let time = seconds(results.map(\.timeMilliseconds).reduce(0, +))
        let tests = results.count + skippedContracts
        return " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(time)\""
    }

    private func suite(_ contract: String, _ results: [ResultRecord]) -> String {
        var out = "  <testsuite name=\"\(escapeMarkup(contract))\"\(counts(results))>\n"
        for r in results {
            out += "    <testcase name=\"\(escapeMarkup(r.property))\" classname=\"\(escapeMarkup(contract))\""
            out += " file=\"\(escapeMarkup(r.file))\" line=\"\(r.line)\" time=\"\(seconds(r.timeMilliseconds))\""
            var body = ""
            if r.verdict == .violated {
                let message = "\(r.qualifiedName) violated (\(r.bounds.description))"
                body += "      <failure message=\"\(escapeMarkup(message))\" type=\"violated\">"
                body += escapeMarkup(TextReport().headline(r) + "\n" + TextReport().renderTrace(r))
                body += "</failure>\n"
            } else if let skip = Self.skipMessage(r) {
                body += "      <skipped message=\"\(escapeMarkup(skip))\"/>\n"
            }
            let warnings = TextReport().renderWarnings(r)
            if !warnings.isEmpty { body += "      <system-out>\(escapeMarkup(warnings))</system-out>\n" }
            out += body.isEmpty ? "/>\n" : ">\n\(body)    </testcase>\n"
        }
        return out + "  </testsuite>\n"
    }

    /// Why a result counts as skipped, or nil when it passes or fails.
    static func skipMessage(_ r: ResultRecord) -> String? {
        switch r.verdict {
        case .unknown, .vacuous, .unsatisfiable: "\(r.verdict.rawValue)" + (r.reason.map { ": \($0)" } ?? "")
        default: nil
        }
    }

    private func seconds(_ milliseconds: Int) -> String {
        String(format: "%.3f", Double(milliseconds) / 1000)
    }
}
