import VigilBasics

// Inline assembly: `assembly { ... }` holds Yul, Solidity's intermediate language. Vigil
// parses it whole; the engines abstract what it does (see docs/LANGUAGE-REFERENCE.md,
// "Inline assembly").

/// `assembly ("memory-safe") { ... }`.
public struct InlineAssembly: Sendable {
    /// The flags in parentheses (`memory-safe`).
    public let flags: [String]
    public let body: YulBlock
    public init(flags: [String], body: YulBlock) {
        self.flags = flags
        self.body = body
    }
}

public struct YulBlock: Sendable {
    public let statements: [YulStatement]
    public let range: SourceRange
    public init(statements: [YulStatement], range: SourceRange) {
        self.statements = statements
        self.range = range
    }
}

/// A name in Yul as written: `x`, or `x.slot`, `x.offset`, `x.length` of a Solidity variable.
public struct YulPath: Sendable {
    public let name: Identifier
    public let suffix: Identifier?
    public init(name: Identifier, suffix: Identifier?) {
        self.name = name
        self.suffix = suffix
    }
    public var range: SourceRange { suffix.map { name.range.union($0.range) } ?? name.range }
    public var text: String { name.name + (suffix.map { ".\($0.name)" } ?? "") }
}

/// One `case` of a Yul `switch`; `value` is nil for `default`.
public struct YulCase: Sendable {
    public let value: YulExpression?
    public let body: YulBlock
    public init(value: YulExpression?, body: YulBlock) {
        self.value = value
        self.body = body
    }
}

public indirect enum YulStatement: Sendable {
    case block(YulBlock)
    /// `let a, b := value`
    case variables([Identifier], value: YulExpression?, range: SourceRange)
    /// `a, b.slot := value`
    case assignment([YulPath], value: YulExpression, range: SourceRange)
    case expression(YulExpression)
    case ifStmt(condition: YulExpression, body: YulBlock)
    case switchStmt(YulExpression, cases: [YulCase], range: SourceRange)
    case forLoop(initializer: YulBlock, condition: YulExpression, post: YulBlock, body: YulBlock)
    case function(name: Identifier, parameters: [Identifier], returns: [Identifier], body: YulBlock)
    case breakStmt(SourceRange)
    case continueStmt(SourceRange)
    case leave(SourceRange)
}

public indirect enum YulExpression: Sendable {
    /// A number, string, hex string or `true`/`false`, as written.
    case literal(String, SourceRange)
    case path(YulPath)
    case call(Identifier, arguments: [YulExpression], range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .literal(_, let r), .call(_, _, let r): r
        case .path(let p): p.range
        }
    }
}
