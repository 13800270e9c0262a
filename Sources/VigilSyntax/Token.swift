// Tokens produced by the lexer. A token is a kind and a byte range; number and string
// literals carry an index into the lexer's literal tables.

/// Solidity's reserved words. The property words (`invariant`, `rule`, `spec`, `forall`, ...)
/// are not here: they are identifiers that the parser recognises by position.
enum Keyword: String, CaseIterable, Sendable {
    // Declarations and their attributes.
    case abstract, anonymous, `as`, constant, constructor, contract, `enum`, event, external
    case function, immutable, `import`, indexed, interface, `internal`, `is`, library, mapping
    case modifier, override, payable, pragma, `private`, `public`, pure, returns, `struct`
    case using, view, virtual
    // Types and data locations.
    case address, bool, bytes, string, calldata, memory, storage
    // Statements and expressions.
    case assembly, `break`, `catch`, `continue`, delete, `do`, `else`, emit, `false`, `for`, `if`
    case new, `return`, `true`, `try`, type, unchecked, `while`
    // Units (they only appear as part of a number literal).
    case wei, gwei, ether, seconds, minutes, hours, days, weeks, years
    // Reserved for future use by Solidity.
    case after, alias, apply, auto, byte, `case`, copyof, `default`, define, final, implements
    case `in`, inline, `let`, macro, match, mutable, null, of, partial, promise, reference
    case relocatable, sealed, sizeof, `static`, supports, `switch`, `throw`, typedef, typeof, `var`
}

/// What a token is.
enum TokenKind: Hashable, Sendable {
    case endOfFile
    case identifier
    /// A number literal; `Token.payload` indexes `LexedFile.numbers`.
    case numberLiteral
    /// A string literal (`"..."`, `'...'`, `unicode"..."`); `Token.payload` indexes `LexedFile.strings`.
    case stringLiteral
    /// `hex"..."`, recognised so that the parser can say it is not supported.
    case hexString
    /// `uint`, `uint8` ... `uint256`, `int` ... `int256`.
    case integerType(signed: Bool, bits: Int)
    /// `bytes1` ... `bytes32`, with the size in bytes.
    case fixedBytesType(size: Int)
    /// `fixed`, `ufixed`, `fixed128x18`, ...
    case fixedPointType
    case keyword(Keyword)

    // Punctuation.
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case semicolon, comma, period, question, colon
    /// `=>`
    case arrow
    /// `==>`
    case implies
    case assign, plusAssign, minusAssign, starAssign, slashAssign, percentAssign
    case pipeAssign, ampersandAssign, caretAssign, shiftLeftAssign, shiftRightAssign
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, percent, starStar, plusPlus, minusMinus
    case ampersand, pipe, caret, tilde, bang, ampersandAmpersand, pipePipe
    case shiftLeft, shiftRight
}

/// One token: its kind, its byte range `[start, end)` and, for literals, a table index.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var end: Int
    var payload: Int = 0
}

extension TokenKind {
    /// How the token is written, for messages (`'{'`, `'contract'`, `identifier`).
    var spelling: String {
        switch self {
        case .endOfFile: "end of file"
        case .identifier: "identifier"
        case .numberLiteral: "number"
        case .stringLiteral, .hexString: "string literal"
        case .integerType, .fixedBytesType, .fixedPointType: "type name"
        case .keyword(let k): "'\(k.rawValue)'"
        default: "'\(punctuationText)'"
        }
    }

    /// The text of a punctuation token; empty for other kinds.
    var punctuationText: String {
        switch self {
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .semicolon: ";"
        case .comma: ","
        case .period: "."
        case .question: "?"
        case .colon: ":"
        case .arrow: "=>"
        case .implies: "==>"
        case .assign: "="
        case .plusAssign: "+="
        case .minusAssign: "-="
        case .starAssign: "*="
        case .slashAssign: "/="
        case .percentAssign: "%="
        case .pipeAssign: "|="
        case .ampersandAssign: "&="
        case .caretAssign: "^="
        case .shiftLeftAssign: "<<="
        case .shiftRightAssign: ">>="
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .starStar: "**"
        case .plusPlus: "++"
        case .minusMinus: "--"
        case .ampersand: "&"
        case .pipe: "|"
        case .caret: "^"
        case .tilde: "~"
        case .bang: "!"
        case .ampersandAmpersand: "&&"
        case .pipePipe: "||"
        case .shiftLeft: "<<"
        case .shiftRight: ">>"
        default: ""
        }
    }
}
