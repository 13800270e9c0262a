import Testing
import VigilBasics
import VigilSyntax

/// One construct outside the subset: the source (a contract whose last member is `function tail()`),
/// and the one diagnostic it must produce, as `line:col message`.
struct UnsupportedCase: CustomTestStringConvertible, Sendable {
    let source: String
    let expected: String
    var testDescription: String { expected }
}

@Suite struct NotSupportedTests {
    static let cases: [UnsupportedCase] = [
        .init(
            source: "contract A { function f() public { x = g()[]; }\n function tail() public {} }",
            expected: "1:44 'T[]' as a value is not supported yet"),
        .init(
            source: "contract A { function f() public {\n emit E({a: 1, b: 2}); }\n function tail() public {} }",
            expected: "2:9 named arguments in 'emit', 'revert', a modifier or a base are not supported yet"),
        .init(
            source: "contract A {\n fixed128x18 f;\n function tail() public {} }",
            expected: "2:2 fixed-point numbers are not supported yet"),
        .init(
            source: "contract A {\n using {f as ~} for uint;\n function tail() public {} }",
            expected: "2:11 '~' and unary '-' as user-defined operators are not supported yet"),
        .init(
            source: "contract A { function f() public {\n x = delete y; }\n function tail() public {} }",
            expected: "2:6 'delete' inside an expression is not supported yet"),
    ]

    @Test(arguments: cases)
    func reportedOnceAtItsLocation(_ c: UnsupportedCase) throws {
        let parsed = parse(c.source)
        #expect(parsed.errorIDs == ["parse.not-supported"])
        let d = try #require(parsed.diagnostics.first)
        let at = parsed.sources.start(of: try #require(d.range))
        #expect("\(at.line):\(at.column) \(d.message)" == c.expected)
        // Parsing went on after the construct.
        guard case .function(let last) = parsed.contracts.last?.members.last else {
            Issue.record("the contract's last member was not parsed")
            return
        }
        #expect(last.name.name == "tail")
    }

    @Test func allowedStringsAndBytes() {
        let parsed = parse(
            """
            contract A {
                event Note(string text);
                error Failed(string reason);
                function f(address to) public {
                    (bool ok, bytes memory data) = to.call{value: 1}("");
                    require(ok, "call failed");
                    emit Note("done");
                }
            }
            """)
        #expect(parsed.messages == [])
    }

    @Test func unsupportedCallsParseAsOrdinaryCalls() {
        let parsed = parse(
            """
            contract A {
                function f(address a) public {
                    a.delegatecall(abi.encodeWithSignature("g()"));
                    selfdestruct(payable(a));
                    uint h = uint(keccak256(abi.encode(1)));
                }
            }
            """)
        #expect(parsed.messages == [])
        #expect(firstFunctionBody(parsed).count == 3)
    }
}
