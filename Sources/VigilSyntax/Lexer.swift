import VigilBasics

/// The tokens of one file, the values of its literals and the lexer's diagnostics.
struct LexedFile: Sendable {
    /// Always ends with one `.endOfFile` token.
    var tokens: [Token] = []
    var numbers: [NumberLiteral] = []
    var strings: [String] = []
    /// The bytes of each string and hex string literal (`strings` holds the same as text).
    var literalBytes: [[UInt8]] = []
    var diagnostics: [Diagnostic] = []
    /// False when the file is not UTF-8; then `tokens` holds only the end of file.
    var isValidUTF8 = true
}

/// Turns a file's bytes into tokens in one pass. Whitespace and comments are skipped; a
/// number literal includes the unit word that follows it (`1 ether` is one token).
struct Lexer {
    let file: FileID
    let bytes: [UInt8]
    var position = 0
    var result = LexedFile()
    /// Literals already lexed, by spelling, so that a repeated literal shares its value.
    var knownNumbers: [String: Int] = [:]

    /// Lexes a whole file.
    static func lex(_ source: SourceFile) -> LexedFile {
        var lexer = Lexer(file: source.id, bytes: source.bytes)
        if let bad = firstInvalidUTF8Offset(source.bytes) {
            lexer.result.isValidUTF8 = false
            lexer.result.diagnostics.append(SyntaxDiagnostics.invalidUTF8(at: lexer.range(bad, bad + 1)))
            lexer.result.tokens.append(Token(kind: .endOfFile, start: bad, end: bad))
            return lexer.result
        }
        lexer.run()
        return lexer.result
    }

    private mutating func run() {
        result.tokens.reserveCapacity(bytes.count / 4 + 1)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // byte order mark
        while true {
            skipTrivia()
            guard position < bytes.count else { break }
            let start = position
            let b = bytes[position]
            if Lexer.isIdentifierStart(b) {
                lexWord()
            } else if Lexer.isDigit(b) || (b == UInt8(ascii: ".") && Lexer.isDigit(byte(at: position + 1))) {
                lexNumber()
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                lexString(tokenStart: start, isHex: false)
            } else if let kind = lexPunctuation() {
                result.tokens.append(Token(kind: kind, start: start, end: position))
            } else {
                lexUnexpectedCharacters()
            }
        }
        result.tokens.append(Token(kind: .endOfFile, start: bytes.count, end: bytes.count))
    }

    // MARK: - Helpers

    func byte(at offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(file: file, start: start, end: end) }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f"))
            || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
    }

    static func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }

    static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    // MARK: - Trivia

    /// Skips whitespace and comments; reports an unterminated block comment and ends the file there.
    private mutating func skipTrivia() {
        while position < bytes.count {
            let b = bytes[position]
            if Lexer.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "/") {
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
            } else if b == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "*") {
                let start = position
                position += 2
                while position < bytes.count
                    && !(bytes[position] == UInt8(ascii: "*") && byte(at: position + 1) == UInt8(ascii: "/"))
                {
                    position += 1
                }
                if position >= bytes.count {
                    result.diagnostics.append(SyntaxDiagnostics.unterminatedComment(at: range(start, start + 2)))
                    return
                }
                position += 2
            } else {
                return
            }
        }
    }

    // MARK: - Words

    private mutating func lexWord() {
        let start = position
        while position < bytes.count && Lexer.isIdentifierPart(bytes[position]) { position += 1 }
        let next = byte(at: position)
        if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") {
            let word = bytes[start..<position]
            if word.elementsEqual("hex".utf8) { return lexString(tokenStart: start, isHex: true) }
            if word.elementsEqual("unicode".utf8) { return lexString(tokenStart: start, isHex: false) }
        }
        result.tokens.append(Token(kind: Lexer.wordKind(bytes[start..<position]), start: start, end: position))
    }

    /// Keywords, elementary type names and identifiers.
    static func wordKind(_ word: ArraySlice<UInt8>) -> TokenKind {
        guard let first = word.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), word.count <= 12 else {
            return .identifier
        }
        let mayBeType =
            first == UInt8(ascii: "u") || first == UInt8(ascii: "i") || first == UInt8(ascii: "b")
            || first == UInt8(ascii: "f")
        if mayBeType, let kind = elementaryTypeKind(word) { return kind }
        if let keyword = keywordTable[String(decoding: word, as: UTF8.self)] { return .keyword(keyword) }
        return .identifier
    }

    private static let keywordTable: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// `uintN`, `intN`, `bytesN`, `fixed...`, `ufixed...`; nil for other words (and for `uint7`,
    /// which Solidity treats as an identifier).
    private static func elementaryTypeKind(_ word: ArraySlice<UInt8>) -> TokenKind? {
        func number(after prefixLength: Int) -> Int? {
            let digits = word.dropFirst(prefixLength)
            if digits.isEmpty { return 0 }
            guard digits.count <= 3, digits.allSatisfy(isDigit), digits.first != UInt8(ascii: "0") else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if word.starts(with: "uint".utf8) || word.starts(with: "int".utf8) {
            let signed = word.first == UInt8(ascii: "i")
            guard let bits = number(after: signed ? 3 : 4) else { return nil }
            if bits == 0 { return .integerType(signed: signed, bits: 256) }
            return bits % 8 == 0 && bits <= 256 ? .integerType(signed: signed, bits: bits) : nil
        }
        if word.starts(with: "bytes".utf8), word.count > 5, let size = number(after: 5), size >= 1, size <= 32 {
            return .fixedBytesType(size: size)
        }
        if word.starts(with: "fixed".utf8) || word.starts(with: "ufixed".utf8) {
            let rest = word.dropFirst(word.first == UInt8(ascii: "u") ? 6 : 5)
            if rest.isEmpty || rest.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "x") }) { return .fixedPointType }
        }
        return nil
    }

    // MARK: - Strings

    /// A string literal from its quote (or its `hex`/`unicode` prefix); the decoded text goes to
    /// `strings`. An unterminated literal ends at the line break.
    private mutating func lexString(tokenStart: Int, isHex: Bool) {
        let quote = bytes[position]
        position += 1
        var content: [UInt8] = []
        var closed = false
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x0A || b == 0x0D { break }
            if b == quote {
                position += 1
                closed = true
                break
            }
            if b == UInt8(ascii: "\\") && !isHex {
                lexEscape(into: &content)
            } else {
                content.append(b)
                position += 1
            }
        }
        if !closed {
            result.diagnostics.append(SyntaxDiagnostics.unterminatedString(at: range(tokenStart, position)))
        }
        if isHex, let decoded = hexBytes(content, at: tokenStart) { content = decoded }
        result.tokens.append(
            Token(
                kind: isHex ? .hexString : .stringLiteral, start: tokenStart, end: position,
                payload: result.strings.count))
        result.strings.append(String(decoding: content, as: UTF8.self))
        result.literalBytes.append(content)
    }

    /// The bytes a hex string's digits stand for (pairs of digits, optionally separated by
    /// single underscores); nil after reporting digits that are not that.
    private mutating func hexBytes(_ digits: [UInt8], at start: Int) -> [UInt8]? {
        var nibbles: [UInt8] = []
        var afterUnderscore = true
        for d in digits {
            if d == UInt8(ascii: "_"), !afterUnderscore, nibbles.count % 2 == 0 {
                afterUnderscore = true
                continue
            }
            afterUnderscore = false
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibbles.append(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibbles.append(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibbles.append(d - UInt8(ascii: "A") + 10)
            default: nibbles.append(0xFF)
            }
        }
        guard nibbles.count % 2 == 0, !nibbles.contains(0xFF), !(afterUnderscore && !digits.isEmpty) else {
            result.diagnostics.append(SyntaxDiagnostics.badHexString(at: range(start, position)))
            return nil
        }
        return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
    }

    /// One escape sequence at `position` (the backslash).
    private mutating func lexEscape(into content: inout [UInt8]) {
        let start = position
        let c = byte(at: position + 1)
        position += 2
        switch c {
        case UInt8(ascii: "n"): content.append(0x0A)
        case UInt8(ascii: "r"): content.append(0x0D)
        case UInt8(ascii: "t"): content.append(0x09)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): content.append(c)
        case 0x0A: break  // line continuation
        case 0x0D: if byte(at: position) == 0x0A { position += 1 }
        case UInt8(ascii: "x"), UInt8(ascii: "u"):
            let count = c == UInt8(ascii: "x") ? 2 : 4
            let digits = bytes[position..<min(position + count, bytes.count)]
            if digits.count == count, digits.allSatisfy(Lexer.isHexDigit),
                let scalar = Unicode.Scalar(digits.reduce(UInt32(0)) { $0 * 16 + Lexer.hexValue($1) })
            {
                position += count
                if c == UInt8(ascii: "x") {
                    content.append(UInt8(scalar.value))
                } else {
                    content.append(contentsOf: String(Character(scalar)).utf8)
                }
            } else {
                result.diagnostics.append(
                    SyntaxDiagnostics.invalidEscape(text(start, position), at: range(start, position)))
            }
        default:
            if c == 0 && position > bytes.count {  // a backslash at the very end of the file
                position = bytes.count
                return
            }
            position = start + 1 + Lexer.scalarLength(c)
            result.diagnostics.append(
                SyntaxDiagnostics.invalidEscape(text(start, position), at: range(start, position)))
        }
    }

    static func hexValue(_ b: UInt8) -> UInt32 {
        if isDigit(b) { return UInt32(b - 0x30) }
        return UInt32((b | 0x20) - UInt8(ascii: "a") + 10)
    }

    /// The length of the UTF-8 sequence that starts with `b` (in a valid file).
    static func scalarLength(_ b: UInt8) -> Int { b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }

    // MARK: - Punctuation and other characters

    /// The longest operator or punctuation at `position`, consumed; nil when none starts here.
    private mutating func lexPunctuation() -> TokenKind? {
        let b = bytes[position]
        let b1 = byte(at: position + 1)
        let b2 = byte(at: position + 2)
        func take(_ n: Int, _ kind: TokenKind) -> TokenKind {
            position += n
            return kind
        }
        let eq = UInt8(ascii: "=")
        switch b {
        case UInt8(ascii: "("): return take(1, .leftParen)
        case UInt8(ascii: ")"): return take(1, .rightParen)
        case UInt8(ascii: "{"): return take(1, .leftBrace)
        case UInt8(ascii: "}"): return take(1, .rightBrace)
        case UInt8(ascii: "["): return take(1, .leftBracket)
        case UInt8(ascii: "]"): return take(1, .rightBracket)
        case UInt8(ascii: ";"): return take(1, .semicolon)
        case UInt8(ascii: ","): return take(1, .comma)
        case UInt8(ascii: "."): return take(1, .period)
        case UInt8(ascii: "?"): return take(1, .question)
        case UInt8(ascii: ":"): return take(1, .colon)
        case UInt8(ascii: "~"): return take(1, .tilde)
        case eq:
            if b1 == eq { return b2 == UInt8(ascii: ">") ? take(3, .implies) : take(2, .equalEqual) }
            return b1 == UInt8(ascii: ">") ? take(2, .arrow) : take(1, .assign)
        case UInt8(ascii: "!"): return b1 == eq ? take(2, .bangEqual) : take(1, .bang)
        case UInt8(ascii: "<"):
            if b1 == UInt8(ascii: "<") { return b2 == eq ? take(3, .shiftLeftAssign) : take(2, .shiftLeft) }
            return b1 == eq ? take(2, .lessEqual) : take(1, .less)
        case UInt8(ascii: ">"):
            if b1 == UInt8(ascii: ">") { return b2 == eq ? take(3, .shiftRightAssign) : take(2, .shiftRight) }
            return b1 == eq ? take(2, .greaterEqual) : take(1, .greater)
        case UInt8(ascii: "+"):
            if b1 == UInt8(ascii: "+") { return take(2, .plusPlus) }
            return b1 == eq ? take(2, .plusAssign) : take(1, .plus)
        case UInt8(ascii: "-"):
            if b1 == UInt8(ascii: "-") { return take(2, .minusMinus) }
            return b1 == eq ? take(2, .minusAssign) : take(1, .minus)
        case UInt8(ascii: "*"):
            if b1 == UInt8(ascii: "*") { return take(2, .starStar) }
            return b1 == eq ? take(2, .starAssign) : take(1, .star)
        case UInt8(ascii: "/"): return b1 == eq ? take(2, .slashAssign) : take(1, .slash)
        case UInt8(ascii: "%"): return b1 == eq ? take(2, .percentAssign) : take(1, .percent)
        case UInt8(ascii: "^"): return b1 == eq ? take(2, .caretAssign) : take(1, .caret)
        case UInt8(ascii: "&"):
            if b1 == UInt8(ascii: "&") { return take(2, .ampersandAmpersand) }
            return b1 == eq ? take(2, .ampersandAssign) : take(1, .ampersand)
        case UInt8(ascii: "|"):
            if b1 == UInt8(ascii: "|") { return take(2, .pipePipe) }
            return b1 == eq ? take(2, .pipeAssign) : take(1, .pipe)
        default: return nil
        }
    }

    /// A run of characters that start no token: one diagnostic naming the first of them.
    private mutating func lexUnexpectedCharacters() {
        let start = position
        let first = text(start, start + Lexer.scalarLength(bytes[start]))
        while position < bytes.count {
            let b = bytes[position]
            if Lexer.isWhitespace(b) || Lexer.isIdentifierPart(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
                || (b < 0x80 && "(){}[];,.?:~=!<>+-*/%^&|".utf8.contains(b))
            {
                break
            }
            position += Lexer.scalarLength(b)
        }
        position = min(position, bytes.count)
        result.diagnostics.append(SyntaxDiagnostics.unexpectedCharacter(first, at: range(start, position)))
    }
}

/// The offset of the first byte where the bytes stop being well-formed UTF-8, or nil.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 {
            i += 1
            continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return i
        }
        guard i + length <= n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
        for k in 2..<length where bytes[i + k] < 0x80 || bytes[i + k] > 0xBF { return i }
        i += length
    }
    return nil
}
