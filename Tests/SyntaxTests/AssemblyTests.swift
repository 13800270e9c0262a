import Testing
import VigilBasics
import VigilSyntax

/// Inline assembly is parsed whole: Yul's statements and expressions, over Solidity's tokens.
@Suite struct AssemblyTests {
    @Test func everyYulStatementParses() {
        let parsed = parse(
            """
            contract C {
                function f(uint256 x) public pure returns (uint256 r) {
                    assembly ("memory-safe") {
                        let a, b := div(x, 2)
                        function twice(v) -> w { w := add(v, v) leave }
                        for { let i := 0 } lt(i, 3) { i := add(i, 1) } { if eq(i, 2) { break } continue }
                        switch a case 0 { r := 1 } case 0x01 { r := twice(b) } default { r := byte(0, x) }
                        { r := and(r, 0xff) }
                        if iszero(x) { revert(0, 0) }
                        mstore(0x40, "abc")
                    }
                }
            }
            """)
        #expect(parsed.messages == [])
        let dump = parsed.dump
        #expect(dump.contains("Assembly (\"memory-safe\") @3:9"))
        #expect(dump.contains("YulLet a, b @4:13\n            YulCall div @4:25\n              YulName x @4:29"))
        #expect(dump.contains("YulFunction twice(v) -> w @5:22"))
        #expect(dump.contains("YulLeave @5:53"))
        #expect(dump.contains("YulFor @6:17"))
        #expect(dump.contains("YulBreak @6:76"))
        #expect(dump.contains("YulSwitch @7:13"))
        #expect(dump.contains("YulDefault"))
        #expect(dump.contains("YulCall byte @7:83"))
        #expect(dump.contains("YulLiteral \"abc\" @10:26"))
    }

    @Test func aYulErrorIsReportedAndTheFunctionGoesOn() {
        let parsed = parse(
            """
            contract C {
                uint256 y;
                function f(uint256 x) public {
                    assembly { let a := }
                    y = x;
                }
            }
            """)
        #expect(parsed.messages == ["4:29 parse.expected: expected a Yul expression"])
        #expect(parsed.dump.contains("Assignment = @5:9"))
    }

    @Test func slotAndOffsetAreNamesOfTheirVariable() {
        let parsed = parse("contract C { function f() public { assembly { let s := x.slot  y.offset := 1 } } }")
        #expect(parsed.messages == [])
        #expect(parsed.dump.contains("YulName x.slot"))
        #expect(parsed.dump.contains("YulAssign y.offset"))
    }
}

/// `hex"..."` is a string literal of the bytes its digits stand for.
@Suite struct HexStringTests {
    @Test func hexStringsAreTheirBytesAndJoinTheirNeighbours() {
        let parsed = parse(
            """
            contract C {
                bytes2 constant A = hex"00ff";
                bytes4 constant B = hex"de_ad" hex'BEEF';
                bytes constant C = hex"";
                string constant D = "ab" hex"63";
            }
            """)
        #expect(parsed.messages == [])
        let dump = parsed.dump
        #expect(dump.contains("String hex\"00ff\" @2:25"))
        #expect(dump.contains("String hex\"deadbeef\" @3:25"))
        #expect(dump.contains("String \"\" @4:24"))
        #expect(dump.contains("String \"abc\" @5:25"))
    }

    @Test(arguments: ["hex\"0\"", "hex\"0g\"", "hex\"_00\"", "hex\"00_\"", "hex\"00__11\""])
    func malformedDigitsAreReported(literal: String) {
        let parsed = parse("contract C { bytes constant A = \(literal); }")
        #expect(
            parsed.messages == [
                "1:33 lex.bad-hex-string: a hex string holds pairs of hex digits, optionally separated by single "
                    + "underscores"
            ])
    }
}

/// `new C(...)`: the callee is `new C`; options and arguments as in any call.
@Suite struct ContractCreationTests {
    @Test func newIsTheCalleeOfACall() {
        let parsed = parse(
            "contract F { function f() public { C c = new C{value: 1, salt: s}(2); L.D d = new L.D(); } }")
        #expect(parsed.messages == [])
        #expect(parsed.dump.contains("initializer: CallWithOptions @1:42\n            callee: New C @1:42"))
        #expect(parsed.dump.contains("callee: New L.D @1:79"))
    }
}

/// `try call returns (...) { } catch ... { }` with every form of `catch`.
@Suite struct TryCatchSyntaxTests {
    @Test func everyCatchFormParses() {
        let parsed = parse(
            """
            contract A { function f() public {
             try b.g{value: 1}(2) returns (uint v) { x = v; } catch Error(string memory r) { } catch Panic(uint c) { } catch (bytes memory d) { } catch { }
             x = 1; } }
            """)
        #expect(parsed.messages == [])
        let dump = parsed.dump
        #expect(dump.contains("Try @2:2\n          call: CallWithOptions @2:6"))
        #expect(dump.contains("Returns uint256 v @2:32"))
        #expect(dump.contains("Catch Error @2:51"))
        #expect(dump.contains("Catch Panic @2:84"))
        #expect(dump.contains("Catch @2:108\n            Parameter bytes memory d"))
    }

    @Test func aTryNeedsACatch() {
        let parsed = parse("contract A { function f() public { try b.g() { } x = 1; } }")
        #expect(parsed.messages == ["1:50 parse.expected: expected 'catch' after the body of 'try'"])
    }
}

/// `f({b: y, a: x})`: a call with its arguments by name, in the order written.
@Suite struct NamedArgumentSyntaxTests {
    @Test func namedArgumentsKeepTheirNamesAndOrder() {
        let (e, parsed) = codeExpression("g({b: 1, a: x + 2})")
        #expect(parsed.diagnostics.isEmpty)
        #expect(sexpr(e) == "(call g{b, a} 1 (+ x 2))")
    }
}
