import Testing
import VigilBasics
import VigilSyntax

@Suite struct StressTests {
    @Test func tenThousandNestedParentheses() {
        let depth = 10_000
        let source =
            "contract C { function f() public { x = " + String(repeating: "(", count: depth) + "1"
            + String(repeating: ")", count: depth) + "; y = ; } }"
        let parsed = parse(source)
        #expect(parsed.errorIDs == ["parse.nesting-too-deep", "parse.expected"])
        #expect(parsed.diagnostics.first?.message == "nesting too deep (more than 200 levels)")
        // Reported at the outermost parenthesis; parsing resumes after the statement.
        #expect(parsed.messages.first?.hasPrefix("1:40 ") == true)
        #expect(parsed.messages.last == "1:\(40 + 2 * depth + 7) parse.expected: expected expression")
    }

    @Test(arguments: [
        String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000),
        "x = " + String(repeating: "-", count: 10_000) + "1;",
        "x = " + String(repeating: "!", count: 10_000) + "y;",
        "x = " + String(repeating: "a[", count: 10_000) + "1" + String(repeating: "]", count: 10_000) + ";",
        "x = " + String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000) + ";",
        "x = " + String(repeating: "2 ** ", count: 10_000) + "1;",
        "x = " + String(repeating: "c ? a : ", count: 10_000) + "b;",
        "x = " + String(repeating: "a = ", count: 10_000) + "b;",
        "x = a" + String(repeating: " + a", count: 10_000) + ";",
        "x = a" + String(repeating: ".b", count: 10_000) + ";",
        String(repeating: "if (a) ", count: 10_000) + "x = 1;",
        String(repeating: "mapping(uint => ", count: 10_000) + "uint" + String(repeating: ")", count: 10_000) + " m;",
    ])
    func deepNestingIsReportedOnce(body: String) {
        let parsed = parse("contract C { function f() public { \(body) } function g() public {} }")
        #expect(parsed.errorIDs == ["parse.nesting-too-deep"])
        #expect(parsed.contracts.first?.members.count == 2)
    }

    @Test func nestingBelowTheLimitIsFine() {
        let depth = 190
        let parsed = parse(
            "contract C { function f() public { x = " + String(repeating: "(", count: depth) + "1"
                + String(repeating: ")", count: depth) + "; } }")
        #expect(parsed.messages == [])
        #expect(parsed.dump.contains(String(repeating: "  ", count: depth + 5) + "Number 1 \"1\""))
    }

    @Test func unbalancedOpenersAtTopLevel() {
        #expect(parse(String(repeating: "(", count: 10_000)).errorIDs == ["parse.expected"])
        #expect(parse(String(repeating: "{", count: 10_000)).errorIDs == ["parse.expected"])
        let unclosed = parse("contract C { function f() public { x = " + String(repeating: "(", count: 10_000))
        #expect(unclosed.errorIDs == ["parse.nesting-too-deep", "parse.expected"])
    }

    @Test func tenMegabyteFile() {
        let template = """
            contract VaultNNN {
                mapping(address => uint256) balances;
                uint256 public total = 1_000 ether;
                event Deposit(address indexed from, uint256 value);
                function deposit() public payable {
                    balances[msg.sender] += msg.value;
                    total = total + msg.value * 2 - (3 % 4);
                    emit Deposit(msg.sender, msg.value);
                }
                function withdraw(uint256 amount) public {
                    require(balances[msg.sender] >= amount, "insufficient");
                    (bool ok, ) = msg.sender.call{value: amount}("");
                    require(ok);
                    if (amount > 0x10 && !ok) { revert(); } else { balances[msg.sender] -= amount; }
                    for (uint i = 0; i < 10; i++) { total -= 1; }
                }
            }

            """
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10 * 1024 * 1024 + template.utf8.count)
        var count = 0
        while bytes.count < 10 * 1024 * 1024 {
            bytes.append(contentsOf: template.replacingNNN(with: count).utf8)
            count += 1
        }
        let parsed = parse(bytes: bytes)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.contracts.count == count)
        #expect(parsed.contracts.last?.name.name == "Vault\(count - 1)")
        #expect(parsed.contracts.last?.members.count == 5)
    }
}

extension String {
    fileprivate func replacingNNN(with n: Int) -> String {
        split(separator: "NNN", omittingEmptySubsequences: false).joined(separator: "\(n)")
    }
}
