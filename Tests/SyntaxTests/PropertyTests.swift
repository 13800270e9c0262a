import Foundation
import Testing
import VigilBasics
import VigilSyntax

@Suite struct PropertyTests {
    static let vigilContract = """
        contract Vault {
            mapping(address => uint) balances;
            address owner;
            invariant solvent: balance >= sum(balances);
            trusted owner;
            ensures withdraw: balance <= old(balance);
            function withdraw() public returns (uint r) ensures r >= 0 ensures result == r {
                r = 1;
            }
            rule depositThenWithdraw(address user, uint amount) {
                assume(amount > 0);
                call deposit() from user value amount;
                try call withdraw() from user;
                call any value 1 ether;
                call any;
                assert(!reverted ==> balances[user] == 0);
            }
            function deposit() public payable {}
        }
        """

    @Test func propertiesInAVigilContract() throws {
        let parsed = parse(Self.vigilContract, kind: .vigil)
        #expect(parsed.messages == [])
        #expect(
            parsed.dump == """
                SourceUnit vigil
                  Contract Vault @1:1
                    StateVariable mapping(address => uint256) balances internal @2:5
                    StateVariable address owner internal @3:5
                    Invariant solvent @4:5
                      Binary >= @4:24
                        Identifier balance @4:24
                        Call @4:35
                          callee: Identifier sum @4:35
                          Identifier balances @4:39
                    Trusted @5:5
                      Identifier owner @5:13
                    Ensures withdraw @6:5
                      Binary <= @6:23
                        Identifier balance @6:23
                        Call @6:34
                          callee: Identifier old @6:34
                          Identifier balance @6:38
                    Function withdraw public nonpayable @7:5
                      Returns uint256 r @7:41
                      Ensures @7:49
                        Binary >= @7:57
                          Identifier r @7:57
                          Number 0 "0" @7:62
                      Ensures @7:64
                        Binary == @7:72
                          Identifier result @7:72
                          Identifier r @7:82
                      Block @7:84
                        ExpressionStatement @8:9
                          Assignment = @8:9
                            Identifier r @8:9
                            Number 1 "1" @8:13
                    Rule depositThenWithdraw @10:5
                      Parameter address user @10:30
                      Parameter uint256 amount @10:44
                      Block @10:57
                        ExpressionStatement @11:9
                          Call @11:9
                            callee: Identifier assume @11:9
                            Binary > @11:16
                              Identifier amount @11:16
                              Number 0 "0" @11:25
                        RuleCall deposit @12:9
                          from: Identifier user @12:29
                          value: Identifier amount @12:40
                        RuleCall try withdraw @13:9
                          from: Identifier user @13:34
                        RuleCall any @14:9
                          value: Number 1000000000000000000 "1 ether" @14:24
                        RuleCall any @15:9
                        ExpressionStatement @16:9
                          Call @16:9
                            callee: Identifier assert @16:9
                            Binary ==> @16:16
                              Unary ! @16:16
                                Identifier reverted @16:17
                              Binary == @16:30
                                Index @16:30
                                  base: Identifier balances @16:30
                                  index: Identifier user @16:39
                                Number 0 "0" @16:48
                    Function deposit public payable @18:5
                      Block @18:39

                """)
    }

    @Test func ruleCallRanges() throws {
        let parsed = parse(Self.vigilContract, kind: .vigil)
        guard case .property(.rule(let rule)) = parsed.contracts.first?.members[6] else {
            Issue.record("no rule")
            return
        }
        let file = parsed.sources.files[0]
        guard case .ruleCall(let call) = rule.body.statements[2].kind else {
            Issue.record("no rule call")
            return
        }
        #expect(call.isTry)
        #expect(file.text(of: call.range) == "try call withdraw() from user")
        #expect(file.text(of: rule.body.statements[2].range) == "try call withdraw() from user;")
    }

    @Test func propertiesInASolidityFileAreReportedWithANote() throws {
        let source = Self.vigilContract
        let parsed = parse(source, kind: .solidity)
        #expect(
            parsed.messages == [
                "4:5 parse.property-in-solidity: property declarations are not allowed in a .sol file",
                "5:5 parse.property-in-solidity: property declarations are not allowed in a .sol file",
                "6:5 parse.property-in-solidity: property declarations are not allowed in a .sol file",
                "7:49 parse.property-in-solidity: property declarations are not allowed in a .sol file",
                "7:64 parse.property-in-solidity: property declarations are not allowed in a .sol file",
                "10:5 parse.property-in-solidity: property declarations are not allowed in a .sol file",
            ])
        let note = try #require(parsed.diagnostics.first?.notes.first)
        #expect(note.message == "move it into a .spec file (spec CONTRACT { ... })")
        // Parsed normally all the same.
        #expect(parsed.dump == parse(source, kind: .vigil).dump.replacingOccurrences(of: "vigil\n", with: "solidity\n"))
    }

    @Test func specFiles() {
        let parsed = parse(
            """
            pragma solidity ^0.8.0;
            import "./Vault.sol";
            // @expect solvent safe
            spec Vault {
                invariant solvent: balance >= sum(balances);
                ensures withdraw: forall address a: balances[a] <= old(balances[a]);
                trusted owner;
                rule r() { call any; satisfy(balance == 0); }
            }
            """, kind: .spec)
        #expect(parsed.messages == [])
        #expect(
            parsed.dump.hasPrefix(
                """
                SourceUnit spec
                  Pragma solidity "^0.8.0" @1:1
                  Import "./Vault.sol" @2:1
                  Spec Vault @4:1
                    Invariant solvent @5:5
                """))
        #expect(parsed.dump.contains("    Ensures withdraw @6:5\n      Quantifier forall @6:23\n"))
    }

    @Test func onlySpecBlocksPragmasAndImportsInASpecFile() {
        let parsed = parse(
            """
            spec A { invariant i: true; }
            contract B {}
            struct S { uint a; }
            spec C { function f() public {} invariant j: x; }
            """, kind: .spec)
        let notInSpec =
            "parse.declaration-in-spec-file: only 'spec' blocks, pragmas and imports are allowed in a .spec file"
        #expect(
            parsed.messages == [
                "2:1 \(notInSpec)", "3:1 \(notInSpec)",
                "4:10 parse.expected: expected 'invariant', 'rule', 'ensures' or 'trusted'",
            ])
        #expect(parsed.dump.contains("Invariant j @4:33"))
    }

    @Test func specBlockInASolidityFile() {
        let parsed = parse("contract V {}\nspec V { invariant i: true; }")
        #expect(parsed.errorIDs == ["parse.property-in-solidity"])
        #expect(parsed.messages.first?.hasPrefix("2:1 ") == true)
    }

    @Test func callIsARuleCallOnlyInRules() {
        let parsed = parse(
            """
            contract C {
                function f() public { call(1); }
                rule r() { call f(); call(1); }
                function call(uint a) public {}
            }
            """, kind: .vigil)
        #expect(parsed.messages == [])
        #expect(parsed.dump.contains("      Block @2:25\n        ExpressionStatement @2:27\n          Call @2:27\n"))
        #expect(parsed.dump.contains("        RuleCall f @3:16\n        ExpressionStatement @3:26\n"))
    }

    @Test func trustedIsAPropertyButTrustedPublicIsAStateVariable() {
        let parsed = parse("contract C { trusted owner; trusted public t; }", kind: .vigil)
        #expect(parsed.messages == [])
        #expect(parsed.dump.contains("Trusted @1:14"))
        #expect(parsed.dump.contains("StateVariable trusted t public @1:29"))
    }
}
