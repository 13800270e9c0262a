import Testing
import VigilBasics
import VigilSyntax

@Suite struct RecoveryTests {
    @Test func threeErrorsInThreeFunctions() {
        let parsed = parse(
            """
            contract C {
                function a() public {
                    x = 1
                    y = 2;
                }
                function b() public {
                    uint z = ;
                    z = 3;
                }
                function c() public {
                    if (x > { y = 1; }
                    w = 2;
                }
                function d() public { ok = true; }
            }
            """)
        #expect(
            parsed.messages == [
                "4:9 parse.expected: expected ';' after expression",
                "7:18 parse.expected: expected expression",
                "11:17 parse.expected: expected expression",
            ])
        let names = parsed.contracts.first?.members.compactMap { member -> String? in
            if case .function(let f) = member { return f.name.name }
            return nil
        }
        #expect(names == ["a", "b", "c", "d"])
        // The statements after each error are kept where the resynchronisation allows it.
        #expect(parsed.dump.contains("Identifier z @8:9"))
        #expect(parsed.dump.contains("Identifier w @12:9"))
    }

    @Test func missingBraceAtEndOfFilePointsAtTheOpeningBrace() throws {
        let parsed = parse("contract C {\n    function f() public {\n        x = 1;\n")
        #expect(parsed.messages == ["4:1 parse.expected: expected '}' at end of file"])
        let note = try #require(parsed.diagnostics.first?.notes.first)
        #expect(note.message == "to match this '{'")
        #expect(parsed.sources.start(of: try #require(note.range)) == LineColumn(line: 2, column: 25))
        #expect(parsed.dump.contains("Identifier x @3:9"))
    }

    @Test func missingBraceBeforeTheNextFunction() throws {
        let parsed = parse(
            """
            contract C {
                function f() public {
                    x = 1;
                function g() public { y = 2; }
            }
            """)
        #expect(parsed.messages == ["4:5 parse.expected: expected '}' before 'function'"])
        #expect(parsed.sources.start(of: try #require(parsed.diagnostics.first?.notes.first?.range)).line == 2)
        #expect(parsed.dump.contains("Function g public nonpayable @4:5"))
    }

    @Test func memberErrorsSkipToTheNextMember() {
        let parsed = parse(
            """
            contract C {
                uint x = ;
                uint y
                function f( public { a = 1; }
                event E(uint a)
                function g() public {}
                + - ;
                struct S { uint a; bool; uint c; }
            }
            contract D {}
            """)
        #expect(
            parsed.messages == [
                "2:14 parse.expected: expected expression",
                "4:5 parse.expected: expected ';' after state variable declaration",
                "4:17 parse.expected: expected parameter type",
                "6:5 parse.expected: expected ';' after event declaration",
                "7:5 parse.expected: expected a contract member",
                "8:28 parse.expected: expected field name",
            ])
        #expect(parsed.dump.contains("Function g public nonpayable @6:5"))
        #expect(parsed.dump.contains("Field uint256 c @8:30"))
        #expect(parsed.contracts.map(\.name.name) == ["C", "D"])
    }

    @Test func bracesOpenedBeforeTheErrorStayOpen() {
        let parsed = parse(
            """
            contract C {
                function f() public {
                    (bool ok, ) = to.call{value: }("");
                    y = 1;
                }
                uint z = a.call{value: ; }("");
                function g() public {}
            }
            """)
        #expect(
            parsed.messages == [
                "3:38 parse.expected: expected expression",
                "6:28 parse.expected: expected expression",
            ])
        #expect(parsed.dump.contains("Identifier y @4:9"))
        #expect(parsed.dump.contains("Function g public nonpayable @7:5"))
    }

    @Test func topLevelGarbageIsSkipped() {
        let parsed = parse("x = 1; } ) contract C {} 42 contract D {}")
        #expect(
            parsed.messages == [
                "1:1 parse.expected: expected a contract, interface, spec or other top-level declaration",
                "1:26 parse.expected: expected a contract, interface, spec or other top-level declaration",
            ])
        #expect(parsed.contracts.map(\.name.name) == ["C", "D"])
    }

    @Test func strayClosingBrace() {
        let parsed = parse("contract C {\n}\n}\n}\ncontract D {}")
        #expect(parsed.messages == ["3:1 parse.unmatched-brace: '}' without a matching '{'"])
        #expect(parsed.contracts.map(\.name.name) == ["C", "D"])
    }

    @Test func oneErrorPerPosition() {
        // The unterminated string and the parse error after it would land on the same token.
        let parsed = parse("contract C { function f() public { x = \"abc\n; } }")
        #expect(parsed.diagnostics.count == Set(parsed.diagnostics.compactMap { $0.range?.start }).count)
        #expect(parsed.errorIDs.first == "lex.unterminated-string")
    }

    @Test func everyErrorOfTheFileInOneRun() {
        var source = "contract C {\n"
        for i in 0..<50 { source += "    function f\(i)() public { x = ; y = \(i); }\n" }
        source += "}\n"
        let parsed = parse(source)
        #expect(parsed.diagnostics.count == 50)
        #expect(parsed.messages.last == "51:33 parse.expected: expected expression")
    }
}
