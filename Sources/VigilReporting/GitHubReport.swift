import Foundation

/// The report as GitHub Actions workflow commands, which the runner turns into annotations
/// on the pull request: `::error` for each violated property, with its counterexample as the
/// message, and `::warning` for each `unknown`, `vacuous` or `unsatisfiable` one and for each
/// sanity warning of any result, located at the property. Safe results without warnings print
/// nothing; the last line is the plain summary.
public struct GitHubReport: Sendable {
    public let paths: ReportPaths

    public init(paths: ReportPaths) { self.paths = paths }

    /// The workflow commands, one per line.
    public func render(_ document: ReportDocument) -> String {
        var out = ""
        for r in document.results {
            if let level = SARIFReport.level(of: r.verdict) {
                let text = TextReport()
                let message = text.headline(r) + "\n" + text.renderTrace(r)
                out += command(level, r, title: r.verdict.rawValue, message: message)
            }
            for warning in r.warnings ?? [] {
                out += command("warning", r, title: "warning", message: "\(r.qualifiedName): \(warning)")
            }
        }
        for c in document.uncheckedContracts {
            let properties = [("file", paths.display(c.file)), ("line", "\(c.line)"), ("col", "\(c.column)")]
            out +=
                "::warning " + properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
                + ",title=\(Self.escapeProperty("\(c.name) nothing checked"))::" + Self.escapeData(c.warning) + "\n"
        }
        if let coverage = document.coverage { out += coverage + "\n" }
        return out + TextReport.summaryLine(document) + "\n"
    }

    /// `::level file=…,title=Contract.property title::message`, located at the result's property.
    private func command(_ level: String, _ r: ResultRecord, title: String, message: String) -> String {
        let properties = [
            ("file", paths.display(r.file)), ("line", "\(r.line)"), ("col", "\(r.column)"),
            ("endLine", "\(r.endLine)"), ("endColumn", "\(r.endColumn)"), ("title", "\(r.qualifiedName) \(title)"),
        ]
        let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
        return "::\(level) " + properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            + "::" + Self.escapeData(text) + "\n"
    }

    /// A command's message: `%`, carriage return and line feed escaped.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A command's property value: as a message, and `:` and `,` escaped too.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
