/// Renders diagnostics in the style of clang and swiftc:
/// `file:line:col: error: message [id]`, the source line, a caret and underline, then notes.
public struct DiagnosticRenderer: Sendable {
    public let sources: SourceManager
    public let colored: Bool

    public init(sources: SourceManager, colored: Bool) {
        self.sources = sources
        self.colored = colored
    }

    /// The full text of one diagnostic, ending with a newline.
    public func render(_ d: Diagnostic) -> String {
        var out = header(severity: d.severity, message: d.message, id: d.id, range: d.range)
        out += excerpt(d.range)
        for note in d.notes {
            out += header(severity: .note, message: note.message, id: nil, range: note.range)
            if note.range != nil { out += excerpt(note.range) }
        }
        return out
    }

    private func paint(_ s: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    private func header(severity: Severity, message: String, id: String?, range: SourceRange?) -> String {
        var out = ""
        if let range { out += paint(sources.describe(range) + ": ", "1") }
        let label: String
        switch severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;35")
        case .note: label = paint("note:", "1;36")
        }
        out += label + " " + paint(message, "1")
        if let id { out += " [\(id)]" }
        return out + "\n"
    }

    private func excerpt(_ range: SourceRange?) -> String {
        guard let range else { return "" }
        let file = sources[range.file]
        let start = file.lines.location(of: range.start)
        let end = file.lines.location(of: max(range.start, range.end - 1))
        let text = file.lineText(start.line)
        // Keep columns aligned: tabs stay tabs in the marker line.
        var marker = ""
        let prefix = Array(text.utf8.prefix(start.column - 1))
        for b in prefix { marker += b == UInt8(ascii: "\t") ? "\t" : " " }
        let lineLength = text.utf8.count
        let width =
            end.line == start.line ? max(1, end.column - start.column + 1) : max(1, lineLength - start.column + 1)
        marker += "^" + String(repeating: "~", count: max(0, width - 1))
        return text + "\n" + paint(marker, "1;32") + "\n"
    }
}
