import VigilBasics

/// Every diagnostic of the lexer and the parser, with its stable id and message, sorted by id.
/// Tests, the documentation and SARIF `ruleId`s quote these ids.
enum SyntaxDiagnostics {
    // MARK: - Lexer

    /// `lex.invalid-escape`: an escape sequence a Solidity string cannot hold.
    static func invalidEscape(_ sequence: String, at range: SourceRange) -> Diagnostic {
        .error("lex.invalid-escape", "invalid escape sequence '\(sequence)' in string literal", at: range)
    }

    /// `lex.invalid-number`: a malformed number literal (`1_`, `0x`, `1e`, `12ab`, `007`).
    static func invalidNumber(_ reason: String, at range: SourceRange) -> Diagnostic {
        .error("lex.invalid-number", "invalid number literal: \(reason)", at: range)
    }

    /// `lex.invalid-utf8`: the file is not UTF-8; reported once, at the first bad byte.
    static func invalidUTF8(at range: SourceRange) -> Diagnostic {
        .error("lex.invalid-utf8", "file is not valid UTF-8", at: range)
    }

    /// `lex.number-too-large`: more than 100 digits or an exponent beyond ±1000.
    static func numberTooLarge(at range: SourceRange) -> Diagnostic {
        .error("lex.number-too-large", "number literal is too large", at: range)
    }

    /// `lex.unexpected-character`: a character that starts no token.
    static func unexpectedCharacter(_ character: String, at range: SourceRange) -> Diagnostic {
        .error("lex.unexpected-character", "unexpected character '\(character)'", at: range)
    }

    /// `lex.unterminated-comment`: a `/*` without `*/`, at the `/*`.
    static func unterminatedComment(at range: SourceRange) -> Diagnostic {
        .error("lex.unterminated-comment", "unterminated block comment", at: range)
    }

    /// `lex.unterminated-string`: a string literal without its closing quote on the same line.
    static func unterminatedString(at range: SourceRange) -> Diagnostic {
        .error("lex.unterminated-string", "unterminated string literal", at: range)
    }

    /// `lex.bad-hex-string`: `hex"..."` whose digits are not pairs of hex digits.
    static func badHexString(at range: SourceRange) -> Diagnostic {
        .error(
            "lex.bad-hex-string",
            "a hex string holds pairs of hex digits, optionally separated by single underscores", at: range)
    }

    // MARK: - Parser

    /// `parse.address-payable-conversion`: `address payable(x)`, which Solidity rejects.
    static func addressPayableConversion(at range: SourceRange) -> Diagnostic {
        .error(
            "parse.address-payable-conversion", "'address payable' cannot be used as a conversion; use 'payable(x)'",
            at: range)
    }

    /// `parse.declaration-in-spec-file`: a `.spec` file holds only spec blocks, pragmas and imports.
    static func declarationInSpecFile(at range: SourceRange) -> Diagnostic {
        .error(
            "parse.declaration-in-spec-file",
            "only 'spec' blocks, pragmas and imports are allowed in a .spec file", at: range)
    }

    /// `parse.duplicate-specifier`: `public public`, `view pure`, a second `constant`.
    static func duplicateSpecifier(_ what: String, at range: SourceRange) -> Diagnostic {
        .error("parse.duplicate-specifier", "\(what) is already specified", at: range)
    }

    /// `parse.expected`: the parser needed something else here (`what` says what, e.g. "';' after expression").
    static func expected(_ what: String, at range: SourceRange) -> Diagnostic {
        .error("parse.expected", "expected \(what)", at: range)
    }

    /// `parse.expected` at end of file inside a block, with a note at the unclosed `{`.
    static func expectedClosingBrace(at range: SourceRange, opening: SourceRange) -> Diagnostic {
        .error(
            "parse.expected", "expected '}' at end of file", at: range,
            notes: [DiagnosticNote("to match this '{'", at: opening)])
    }

    /// `parse.expected` where a declaration starts inside a block: the block's `}` is missing.
    static func expectedClosingBraceBefore(_ what: String, at range: SourceRange, opening: SourceRange) -> Diagnostic {
        .error(
            "parse.expected", "expected '}' before \(what)", at: range,
            notes: [DiagnosticNote("to match this '{'", at: opening)])
    }

    /// `parse.implication-outside-property`: `==>` in contract code.
    static func implicationOutsideProperty(at range: SourceRange) -> Diagnostic {
        .error("parse.implication-outside-property", "'==>' is only allowed in property expressions", at: range)
    }

    /// `parse.invalid-specifier`: a specifier that cannot appear on this declaration.
    static func invalidSpecifier(_ word: String, on what: String, at range: SourceRange) -> Diagnostic {
        .error("parse.invalid-specifier", "'\(word)' is not allowed on \(what)", at: range)
    }

    /// `parse.nesting-too-deep`: more than `SyntaxParser.maximumNesting` levels; reported once per file.
    static func nestingTooDeep(at range: SourceRange) -> Diagnostic {
        .error(
            "parse.nesting-too-deep", "nesting too deep (more than \(SyntaxParser.maximumNesting) levels)", at: range)
    }

    /// `parse.not-supported`: Solidity outside Vigil's subset ("<construct> is/are not supported yet").
    static func notSupported(_ construct: UnsupportedConstruct, at range: SourceRange) -> Diagnostic {
        .error("parse.not-supported", construct.rawValue, at: range)
    }

    /// `parse.property-in-solidity`: `invariant`, `rule`, `ensures`, `trusted` or `spec` in a `.sol` file.
    static func propertyInSolidity(at range: SourceRange) -> Diagnostic {
        .error(
            "parse.property-in-solidity", "property declarations are not allowed in a .sol file", at: range,
            notes: [DiagnosticNote("move it into a .spec file (spec CONTRACT { ... })")])
    }

    /// `parse.old-solidity`: a construct that Solidity 0.8 no longer has.
    static func oldSolidity(_ construct: String, at range: SourceRange) -> Diagnostic {
        .error(
            "parse.old-solidity", "\(construct) is Solidity before 0.8; Vigil reads Solidity 0.8", at: range,
            notes: [DiagnosticNote("the rest of this file is not read")])
    }

    /// `parse.pragma-excludes-0.8`: a `pragma solidity` whose range leaves out 0.8 (a warning).
    static func pragmaExcludes08(_ value: String, at range: SourceRange) -> Diagnostic {
        .warning(
            "parse.pragma-excludes-0.8",
            "pragma 'solidity \(value)' excludes 0.8; Vigil checks the code with Solidity 0.8's meaning", at: range)
    }

    /// `parse.unmatched-brace`: a `}` outside any declaration.
    static func unmatchedBrace(at range: SourceRange) -> Diagnostic {
        .error("parse.unmatched-brace", "'}' without a matching '{'", at: range)
    }

    /// `parse.bad-import`: `import` followed by none of solc's forms.
    static func unsupportedImport(at range: SourceRange) -> Diagnostic {
        .error(
            "parse.bad-import",
            "expected a path, '*' or '{' after 'import' (forms: 'import \"path\";', 'import \"path\" as M;', "
                + "'import * as M from \"path\";', 'import {A, B as C} from \"path\";')", at: range)
    }
}

/// Solidity constructs outside the subset; the raw value is the whole message.
enum UnsupportedConstruct: String, Sendable {
    case qualifiedModifiers = "modifiers named through a contract ('A.m') are not supported yet"
    case transientStorage = "transient storage ('transient') is not supported yet"
    case arrays = "'T[]' as a value is not supported yet"
    case deleteInExpression = "'delete' inside an expression is not supported yet"
    case fixedPoint = "fixed-point numbers are not supported yet"
    case namedArguments = "named arguments in 'emit', 'revert', a modifier or a base are not supported yet"
    case qualifiedNames = "qualified names ('A.B') in types are not supported yet"
    case userDefinedOperators = "'~' and unary '-' as user-defined operators are not supported yet"
}
