import Testing
import VigilBasics
import VigilSyntax

/// The number literal of `uint x = <literal>;`, with the diagnostics of the file.
private func literal(_ spelling: String) -> (literal: NumberLiteral?, messages: [String]) {
    let parsed = parse("contract C { uint x = \(spelling); }")
    guard case .stateVariable(let v) = parsed.contracts.first?.members.first,
        case .number(let n) = v.initializer?.kind
    else { return (nil, parsed.messages) }
    return (n, parsed.messages)
}

@Suite struct LexerTests {
    @Test(arguments: [
        ("0.5 ether", "500000000000000000"),
        ("1e18", "1000000000000000000"),
        ("0xff", "255"),
        ("0xFF_FF", "65535"),
        ("1_000", "1000"),
        ("1 days", "86400"),
        ("2 weeks", "1209600"),
        ("3 minutes", "180"),
        ("1 hours", "3600"),
        ("5 seconds", "5"),
        ("1 gwei", "1000000000"),
        ("7 wei", "7"),
        ("2.5e3", "2500"),
        ("0.25", "1/4"),
        (".5", "1/2"),
        ("1e-3", "1/1000"),
        ("1.5 ether", "1500000000000000000"),
        ("1e30 ether", "1" + String(repeating: "0", count: 48)),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
    ])
    func numberValues(spelling: String, value: String) throws {
        let (n, messages) = literal(spelling)
        #expect(messages == [])
        let number = try #require(n)
        #expect(number.value.description == value)
        #expect(number.text == spelling)
        #expect(!number.isAddressLiteral)
    }

    @Test func literalsBeyond256BitsAreExact() throws {
        let twoTo256 = "115792089237316195423570985008687907853269984665640564039457584007913129639936"
        let number = try #require(literal(twoTo256).literal)
        #expect(number.value.description == twoTo256)
        let huge = try #require(literal("1e100 ether").literal)
        #expect(huge.value.description == "1" + String(repeating: "0", count: 118))
    }

    @Test func addressLiterals() throws {
        let address = "0x" + String(repeating: "aB", count: 20)
        #expect(try #require(literal(address).literal).isAddressLiteral)
        #expect(try #require(literal("0x" + String(repeating: "a", count: 39)).literal).isAddressLiteral == false)
    }

    @Test func numberRangeIncludesTheUnit() throws {
        let parsed = parse("contract C { uint x = 2   ether; }")
        guard case .stateVariable(let v) = parsed.contracts.first?.members.first else {
            Issue.record("no state variable")
            return
        }
        let range = try #require(v.initializer?.range)
        #expect(parsed.sources.files[0].text(of: range) == "2   ether")
    }

    @Test(arguments: [
        "1" + String(repeating: "0", count: 100),
        "1e1001",
        "0x" + String(repeating: "f", count: 101),
    ])
    func absurdLiteralsAreTooLarge(spelling: String) {
        #expect(literal(spelling).messages == ["1:23 lex.number-too-large: number literal is too large"])
    }

    @Test func aHundredDigitsAreStillFine() throws {
        let number = try #require(literal(String(repeating: "9", count: 100)).literal)
        #expect(number.value.description == String(repeating: "9", count: 100))
        #expect(literal("1e1000").messages == [])
    }

    @Test(arguments: [
        ("1_", "'_' must stand between digits"),
        ("1__0", "'_' must stand between digits"),
        ("0x", "'0x' needs hex digits"),
        ("12ab", "unexpected characters after the digits"),
        ("007", "leading zeros are not allowed"),
    ])
    func malformedNumbers(spelling: String, reason: String) {
        #expect(literal(spelling).messages == ["1:23 lex.invalid-number: invalid number literal: \(reason)"])
    }

    @Test func stringEscapes() {
        let (expr, parsed) = codeExpression(#"s = "a\"b\n\x41\u00e9\\" 'c\'d'"#)
        #expect(parsed.messages == [])
        #expect(sexpr(expr) == "(= s \"a\"b\nAé\\c'd\")")
    }

    @Test func unterminatedString() {
        let parsed = parse("contract C {\n  string constant s = \"abc;\n}")
        #expect(parsed.messages.contains("2:23 lex.unterminated-string: unterminated string literal"))
    }

    @Test func invalidEscape() {
        let parsed = parse(#"contract C { function f() public { require(x, "a\qb"); } }"#)
        #expect(parsed.messages == [#"1:49 lex.invalid-escape: invalid escape sequence '\q' in string literal"#])
    }

    @Test func commentsAreSkipped() {
        let parsed = parse(
            """
            // @expect solvent violated
            /* a block
               comment */ contract /** natspec */ C { // trailing
            }
            """)
        #expect(parsed.messages == [])
        #expect(parsed.contracts.map(\.name.name) == ["C"])
    }

    @Test func unterminatedComment() {
        let parsed = parse("contract A {}\n  /* never closed\ncontract B {}")
        #expect(parsed.messages == ["2:3 lex.unterminated-comment: unterminated block comment"])
        #expect(parsed.contracts.map(\.name.name) == ["A"])
    }

    @Test func invalidUTF8StopsAtTheFirstBadByte() {
        var bytes = Array("contract C {\n  uint x; // caf".utf8)
        bytes += [0xC3]  // a truncated two-byte sequence
        bytes += Array("\n  bad ( syntax\n}".utf8) + [0xFF]
        let parsed = parse(bytes: bytes)
        #expect(parsed.messages == ["2:17 lex.invalid-utf8: file is not valid UTF-8"])
        #expect(parsed.unit.items.isEmpty)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let parsed = parse(bytes: Array("contract C {}".utf8) + bad)
            #expect(parsed.messages == ["1:14 lex.invalid-utf8: file is not valid UTF-8"])
        }
        #expect(parse("contract C { string constant s = \"café ✓ 🎉\"; }").errorIDs.isEmpty)
    }

    @Test func unexpectedCharacters() {
        let parsed = parse("contract C {\n  # uint x;\n  function f() public { y = 1 @ 2; }\n}")
        #expect(
            parsed.messages == [
                "2:3 lex.unexpected-character: unexpected character '#'",
                "3:31 lex.unexpected-character: unexpected character '@'",
                "3:33 parse.expected: expected ';' after expression",
            ])
    }

    @Test func emptyAndCommentOnlyFilesHaveNoItems() {
        #expect(parse("").unit.items.isEmpty)
        #expect(parse("").diagnostics.isEmpty)
        let commentsOnly = parse("// SPDX-License-Identifier: MIT\n/* nothing */\npragma solidity ^0.8.20;\n")
        #expect(commentsOnly.diagnostics.isEmpty)
        #expect(commentsOnly.dump == "SourceUnit solidity\n  Pragma solidity \"^0.8.20\" @3:1\n")
    }
}
