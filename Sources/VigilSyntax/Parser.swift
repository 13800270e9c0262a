import VigilBasics

/// The parser's entry point: one file in, its syntax tree and diagnostics out.
public struct Parser {
    /// Parses one file. `kind` is decided from the extension by the caller. Never traps, never recurses
    /// without bound: nesting beyond 200 levels is reported as `parse.nesting-too-deep`.
    ///
    /// Every syntax error of the file is reported in one run; diagnostics are sorted by position. A file
    /// that is not UTF-8 yields one `lex.invalid-utf8` error and an empty unit.
    public static func parse(
        file: SourceFile, kind: SourceKind, ids: inout NodeIDAllocator
    ) -> (unit: SourceUnit, diagnostics: [Diagnostic]) {
        let lexed = Lexer.lex(file)
        guard lexed.isValidUTF8 else {
            return (SourceUnit(file: file.id, kind: kind, items: []), lexed.diagnostics)
        }
        var parser = SyntaxParser(source: file, kind: kind, lexed: lexed, ids: ids)
        let items = parser.parseSourceUnit()
        ids = parser.ids
        let diagnostics = parser.diagnostics.enumerated().sorted {
            let a = $0.element.range?.start ?? 0
            let b = $1.element.range?.start ?? 0
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        return (SourceUnit(file: file.id, kind: kind, items: items), diagnostics)
    }
}

/// What a failed construct was, which decides where error recovery stops.
enum RecoveryLevel {
    case statement, member, specMember
}

/// Thrown after a syntax error has been reported; the nearest statement, member or top-level loop
/// catches it and resynchronises.
struct ParseFailure: Error {}

/// The recursive-descent parser over one file's tokens: token access, diagnostics, nesting and error
/// recovery live here; the grammar in `ParserDeclarations.swift`, `ParserFunctions.swift`,
/// `ParserTypes.swift`, `ParserProperties.swift`, `ParserStatements.swift` and `ParserExpressions.swift`.
struct SyntaxParser {
    /// The deepest nesting of expressions, statements and blocks the parser follows.
    static let maximumNesting = 200

    let file: FileID
    let kind: SourceKind
    let bytes: [UInt8]
    let tokens: [Token]
    let numbers: [NumberLiteral]
    let strings: [String]
    /// The bytes of each string and hex string literal.
    let literalBytes: [[UInt8]]
    var index = 0
    var ids: NodeIDAllocator
    var diagnostics: [Diagnostic]
    /// Offsets where an error was reported: a second error at the same place is dropped.
    var errorOffsets: Set<Int> = []
    var nesting = 0
    var reportedNestingTooDeep = false
    /// Inside an invariant, ensures, trusted or rule: `==>`, `forall` and `exists` are allowed.
    var inProperty = false
    /// Inside a rule body: `call` and `try call` start rule calls.
    var inRule = false
    /// True once the file turned out to be Solidity older than 0.8: the rest is not parsed, and
    /// no later error is reported (it would only be a consequence).
    var abandoned = false

    init(source: SourceFile, kind: SourceKind, lexed: LexedFile, ids: NodeIDAllocator) {
        file = source.id
        self.kind = kind
        bytes = source.bytes
        tokens = lexed.tokens
        numbers = lexed.numbers
        strings = lexed.strings
        literalBytes = lexed.literalBytes
        self.ids = ids
        diagnostics = lexed.diagnostics
        for d in lexed.diagnostics { if let r = d.range { errorOffsets.insert(r.start) } }
    }

    // MARK: - Tokens

    var current: Token { tokens[index] }

    /// The token `offset` places ahead (the end of file when past it).
    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    func token(at position: Int) -> Token { tokens[min(position, tokens.count - 1)] }

    /// The end of the last consumed token.
    var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    func at(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    /// Whether `token` is the identifier `word` (for contextual words such as `spec` or `from`).
    func isWord(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && token.end - token.start == word.utf8.count
            && bytes[token.start..<token.end].elementsEqual(word.utf8)
    }

    func atWord(_ word: String) -> Bool { isWord(current, word) }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func consume(_ kind: TokenKind) -> Token? { at(kind) ? advance() : nil }

    mutating func consume(_ keyword: Keyword) -> Token? { at(keyword) ? advance() : nil }

    /// Consumes a token of `kind` or reports "expected <what>" at the current token.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String) throws(ParseFailure) -> Token {
        if let token = consume(kind) { return token }
        throw failure(expected: what)
    }

    /// The statement-ending `;`, reported at the token that follows where it should be.
    mutating func expectSemicolon(after what: String) throws(ParseFailure) {
        try expect(.semicolon, "';' after \(what)")
    }

    mutating func expectIdentifier(_ what: String) throws(ParseFailure) -> Identifier {
        guard at(.identifier) else { throw failure(expected: what) }
        return identifier(advance())
    }

    func text(_ token: Token) -> String { String(decoding: bytes[token.start..<token.end], as: UTF8.self) }

    func identifier(_ token: Token) -> Identifier { Identifier(text(token), range(token)) }

    func range(_ token: Token) -> SourceRange { SourceRange(file: file, start: token.start, end: token.end) }

    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(file: file, start: start, end: end) }

    /// From `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange { SourceRange(file: file, start: start, end: previousEnd) }

    // MARK: - Diagnostics

    /// Records a diagnostic unless an error was already reported at the same offset.
    mutating func report(_ diagnostic: Diagnostic) {
        guard !abandoned else { return }
        if diagnostic.severity == .error, let start = diagnostic.range?.start {
            guard errorOffsets.insert(start).inserted else { return }
        }
        diagnostics.append(diagnostic)
    }

    /// Reports `diagnostic` and returns the failure to throw.
    mutating func failure(_ diagnostic: Diagnostic) -> ParseFailure {
        report(diagnostic)
        return ParseFailure()
    }

    /// Reports "expected <what>" at the current token and returns the failure to throw.
    mutating func failure(expected what: String) -> ParseFailure {
        failure(SyntaxDiagnostics.expected(what, at: range(current)))
    }

    mutating func reportNotSupported(_ construct: UnsupportedConstruct, at range: SourceRange) {
        report(SyntaxDiagnostics.notSupported(construct, at: range))
    }

    /// Reports a construct of Solidity before 0.8 (`throw`, `var`, ...), then gives up on the
    /// file: everything after it would only add errors that follow from it. Returns the failure
    /// to throw.
    mutating func abandonAsOldSolidity(_ construct: String, at range: SourceRange) -> ParseFailure {
        report(SyntaxDiagnostics.oldSolidity(construct, at: range))
        abandoned = true
        index = tokens.count - 1
        return ParseFailure()
    }

    // MARK: - Nesting

    /// Enters one level of nesting; beyond `maximumNesting` reports (once per file) and fails.
    /// Each successful call is paired with `leaveNesting()` in a `defer`.
    mutating func enterNesting() throws(ParseFailure) {
        guard nesting < SyntaxParser.maximumNesting else { throw nestingTooDeep() }
        nesting += 1
    }

    mutating func leaveNesting() { nesting -= 1 }

    /// A chain of `length` operators at this level (`a + b + c`, `a.b.c`) deepens the tree by up to
    /// `length` levels, which count like nesting.
    mutating func checkChain(length: Int) throws(ParseFailure) {
        if nesting + length > SyntaxParser.maximumNesting { throw nestingTooDeep() }
    }

    /// Reports `parse.nesting-too-deep` once per file: at the outermost of the run of identical openers
    /// (`((((`, `{{{{`, `----`) that the current token ends, or at the current token.
    private mutating func nestingTooDeep() -> ParseFailure {
        if !reportedNestingTooDeep {
            reportedNestingTooDeep = true
            var first = index
            if SyntaxParser.opensNesting(current.kind) {
                while first > 0 && tokens[first - 1].kind == current.kind { first -= 1 }
            }
            report(SyntaxDiagnostics.nestingTooDeep(at: range(tokens[first])))
        }
        return ParseFailure()
    }

    private static func opensNesting(_ kind: TokenKind) -> Bool {
        switch kind {
        case .leftParen, .leftBracket, .leftBrace, .bang, .tilde, .minus, .plusPlus, .minusMinus: true
        default: false
        }
    }

    // MARK: - Node ids

    mutating func makeExpr(_ kind: Expr.Kind, _ range: SourceRange) -> Expr {
        Expr(id: ids.make(), kind: kind, range: range)
    }

    mutating func makeStmt(_ kind: Stmt.Kind, from start: Int) -> Stmt {
        Stmt(id: ids.make(), kind: kind, range: range(from: start))
    }

    // MARK: - Skipping

    /// Skips a balanced `open ... close` group starting at the current token (which must be `open`),
    /// without recursion; stops at the end of file.
    mutating func skipBalanced(_ open: TokenKind, _ close: TokenKind) {
        var depth = 0
        repeat {
            if at(open) { depth += 1 }
            if at(close) { depth -= 1 }
            advance()
        } while depth > 0 && !at(.endOfFile)
    }

    /// Skips past the next `;` outside braces (or to a `}` that closes the enclosing block).
    mutating func skipPastSemicolon() {
        var depth = 0
        while !at(.endOfFile) {
            if at(.leftBrace) { depth += 1 }
            if at(.rightBrace) {
                if depth == 0 { return }
                depth -= 1
            }
            if at(.semicolon) && depth == 0 {
                advance()
                return
            }
            advance()
        }
    }

    /// Skips the rest of a statement or member that failed to parse; `start` is the index of its first
    /// token, so that braces opened before the error (call options `{value: v}`) are known to be open.
    /// Stops past the next `;` outside braces, past a `{ ... }` group opened while skipping (which ends
    /// `if (...) { ... }` or a function body), before the `}` that closes the enclosing block or body,
    /// or before a keyword that starts the next construct at this level. The loops that call it make
    /// sure that a failed construct and its recovery consume at least one token.
    mutating func skip(from start: Int, level: RecoveryLevel) {
        var open = 0
        for token in tokens[min(start, index)..<index] {
            if token.kind == .leftBrace { open += 1 }
            if token.kind == .rightBrace && open > 0 { open -= 1 }
        }
        var depth = 0
        while !at(.endOfFile) {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                if depth > 0 {
                    depth -= 1
                    if depth == 0 && open == 0 {
                        advance()
                        return
                    }
                } else if open > 0 {
                    open -= 1
                } else {
                    return
                }
            case .semicolon where depth == 0 && open == 0:
                advance()
                return
            default:
                if depth == 0 && open == 0 && startsNext(level) { return }
            }
            advance()
        }
    }

    /// Top-level recovery: skips to the next top-level declaration keyword outside braces.
    mutating func skipTopLevel() {
        var depth = 0
        while !at(.endOfFile) {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth = max(0, depth - 1)
            default: if depth == 0 && startsTopLevelDeclaration() { return }
            }
            advance()
        }
    }

    // MARK: - What starts here

    /// Whether the current token starts the next construct at a recovery level.
    func startsNext(_ level: RecoveryLevel) -> Bool {
        switch level {
        case .statement: startsDeclarationInBlock()
        case .member: startsMember() || startsTopLevelDeclaration()
        case .specMember: startsPropertyMember() || startsTopLevelDeclaration()
        }
    }

    /// A keyword that starts a top-level declaration (`contract`, `pragma`, `spec Name {`, ...).
    /// True when the `{ ... }` body opened by `open` ends here: at its `}` (consumed), or,
    /// reported as a missing `}`, at the end of the file or at a declaration that cannot be
    /// inside the body (`atDeclaration`).
    mutating func bodyEnds(opening open: Token, atDeclaration: Bool) -> Bool {
        if consume(.rightBrace) != nil { return true }
        if at(.endOfFile) {
            report(SyntaxDiagnostics.expectedClosingBrace(at: range(current), opening: range(open)))
            return true
        }
        if atDeclaration {
            report(
                SyntaxDiagnostics.expectedClosingBraceBefore(
                    current.kind.spelling, at: range(current), opening: range(open)))
            return true
        }
        return false
    }

    func startsTopLevelDeclaration() -> Bool {
        switch current.kind {
        case .keyword(.contract), .keyword(.interface), .keyword(.library), .keyword(.abstract),
            .keyword(.pragma), .keyword(.import):
            return true
        case .identifier:
            return atWord("spec") && (peek(1).kind == .identifier || peek(1).kind == .stringLiteral)
                && peek(2).kind == .leftBrace
        default:
            return false
        }
    }

    /// A keyword that starts a contract member (not a state variable, whose type can be anything).
    func startsMember() -> Bool {
        switch current.kind {
        case .keyword(.function), .keyword(.constructor), .keyword(.modifier), .keyword(.event),
            .keyword(.struct), .keyword(.enum), .keyword(.using):
            return true
        case .identifier:
            let next = peek(1).kind
            if atWord("receive") || atWord("fallback") { return next == .leftParen }
            if atWord("error") { return next == .identifier && peek(2).kind == .leftParen }
            return startsPropertyMember()
        default:
            return false
        }
    }

    /// A declaration that cannot appear in a block, so the block's `}` must be missing.
    func startsDeclarationInBlock() -> Bool {
        switch current.kind {
        case .keyword(.function): return peek(1).kind == .identifier
        case .keyword(.constructor), .keyword(.modifier), .keyword(.event), .keyword(.struct), .keyword(.enum):
            return true
        case .identifier:
            if atWord("invariant") { return peek(1).kind == .identifier && peek(2).kind == .colon }
            if atWord("rule") { return peek(1).kind == .identifier && peek(2).kind == .leftParen }
            return startsTopLevelDeclaration()
        default:
            return startsTopLevelDeclaration()
        }
    }

    /// `invariant NAME`, `rule NAME`, `ensures NAME` or `trusted` at the start of a member.
    func startsPropertyMember() -> Bool {
        if atWord("invariant") || atWord("rule") || atWord("ensures") { return peek(1).kind == .identifier }
        if atWord("trusted") {
            switch peek(1).kind {
            case .keyword(.public), .keyword(.private), .keyword(.internal), .keyword(.external),
                .keyword(.constant), .keyword(.immutable), .keyword(.override):
                return false
            default:
                return true
            }
        }
        return false
    }
}
