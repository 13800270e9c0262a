/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable {
    case note, warning, error
    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A note attached to a diagnostic, optionally pointing at another location.
public struct DiagnosticNote: Sendable, Hashable {
    public let message: String
    public let range: SourceRange?
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A message about the input: severity, a stable id (e.g. `sema.undeclared-name`),
/// the text, the range it is about and notes. Stages return diagnostics; only the
/// command line prints them.
public struct Diagnostic: Sendable, Hashable {
    public let severity: Severity
    public let id: String
    public let message: String
    public let range: SourceRange?
    public let notes: [DiagnosticNote]

    public init(
        _ severity: Severity, _ id: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = []
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.range = range
        self.notes = notes
    }

    public static func error(_ id: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [])
        -> Diagnostic
    {
        Diagnostic(.error, id, message, at: range, notes: notes)
    }

    public static func warning(_ id: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [])
        -> Diagnostic
    {
        Diagnostic(.warning, id, message, at: range, notes: notes)
    }
}

/// Collects the diagnostics of one stage.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []
    public init() {}

    /// Adds `d` unless the same diagnostic was already added (a base contract's code is
    /// analysed once per contract derived from it).
    public mutating func add(_ d: Diagnostic) {
        if !all.contains(where: { $0.id == d.id && $0.range == d.range && $0.message == d.message }) { all.append(d) }
    }
    public mutating func append(contentsOf ds: [Diagnostic]) { all.append(contentsOf: ds) }
    public mutating func error(_ id: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = []) {
        add(.error(id, message, at: range, notes: notes))
    }
    public mutating func warning(_ id: String, _ message: String, at range: SourceRange?, notes: [DiagnosticNote] = [])
    {
        add(.warning(id, message, at: range, notes: notes))
    }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
}
