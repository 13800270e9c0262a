import BigInt
import Testing
import VigilBasics
import VigilSema
import VigilSyntax

@Suite struct NameResolutionTests {
    @Test func resolvesStateVariablesLocalsAndParameters() throws {
        let (model, diagnostics) = analyze(
            """
            contract C {
                uint total;
                function f(uint x) public returns (uint) { uint y = x + total; return y; }
            }
            """)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        let c = try #require(model?.contract(named: "C"))
        #expect(c.stateVariables.map(\.name) == ["total"])
        #expect(c.functions["f"]?.returnType == .uint(256))
        #expect(model!.references.values.contains(.stateVariable(0)))
    }

    @Test func reportsUndeclaredNamesWithTheirId() {
        #expect(errorIDs("contract C { function f() public { x = 1; } }") == ["sema.undeclared-name"])
    }

    @Test func reportsDuplicatesAndWarnsOnShadowing() {
        #expect(
            errorIDs("contract C { function f() public {} function f() public {} }") == ["sema.duplicate-declaration"])
        let (_, d) = analyze("contract C { uint x; function f(uint x) public { x; } }")
        #expect(d.contains { $0.id == "sema.shadowing" && $0.severity == .warning })
    }

    @Test func warnsOnUnusedLocals() {
        let (_, d) = analyze("contract C { function f() public { uint unused = 1; } }")
        #expect(d.contains { $0.id == "sema.unused-variable" })
    }
}

@Suite struct TypeTests {
    @Test func literalsMustFitTheirType() {
        #expect(errorIDs("contract C { uint8 x = 256; }") == ["sema.literal-does-not-fit"])
        #expect(errorIDs("contract C { uint8 x = 255; }").isEmpty)
        #expect(errorIDs("contract C { uint x = 0.5 ether; }").isEmpty)
        #expect(errorIDs("contract C { uint x = 2**256; }") == ["sema.literal-does-not-fit"])
    }

    @Test func constantExpressionsAreFoldedExactly() throws {
        let (model, _) = analyze("contract C { uint constant M = 2**256 - 1; uint constant H = 1.5 ether; }")
        let c = try #require(model?.contract(named: "C"))
        let values = c.stateVariables.compactMap { v in v.initializer.flatMap { model!.constants[$0.id] } }
        #expect(values == [(BigInt(1) << 256) - 1, BigInt(1_500_000_000_000_000_000)])
    }

    @Test func mixingSignednessNeedsAConversion() {
        #expect(
            errorIDs("contract C { function f(uint a, int b) public { a + b; } }") == ["sema.mixed-signedness"])
        #expect(errorIDs("contract C { function f(uint a, int b) public { a + uint(b); } }").isEmpty)
    }

    @Test func assignmentNeedsCompatibleTypes() {
        #expect(errorIDs("contract C { uint x; function f() public { x = true; } }") == ["sema.type-mismatch"])
        #expect(
            errorIDs("contract C { address payable p; function f(address a) public { p = a; } }") == [
                "sema.type-mismatch"
            ])
    }

    @Test func transferNeedsAPayableAddress() {
        #expect(
            errorIDs("contract C { function f(address a) public { a.transfer(1); } }") == ["sema.type-mismatch"])
        #expect(errorIDs("contract C { function f(address a) public { payable(a).transfer(1); } }").isEmpty)
    }

    @Test func conditionsMustBeBool() {
        #expect(errorIDs("contract C { function f(uint a) public { if (a) {} } }") == ["sema.type-mismatch"])
    }
}

@Suite struct DesignRuleTests {
    /// Internal calls are inlined: a cycle code that runs reaches is an error, from a public
    /// function, a property or an initializer; one nothing reaches (a library's recursive
    /// helper beside what a contract uses) is never inlined.
    @Test func recursionIsRejectedWhereCodeReachesIt() {
        let cycle =
            "function f() internal pure returns (uint) { return g(); } function g() internal pure returns (uint) { return f(); }"
        #expect(errorIDs("contract C { \(cycle) function run() public { f(); } }") == ["sema.recursion"])
        #expect(errorIDs("contract C { \(cycle) uint x = f(); }") == ["sema.recursion"])
        #expect(errorIDs("contract C { \(cycle) invariant i: f() == 0; }") == ["sema.recursion"])
        #expect(errorIDs("contract C { \(cycle) function run() public pure returns (uint) { return 1; } }").isEmpty)
    }

    /// `this.f()` runs `f`'s code (inlined): of a public or external function only, and a call
    /// of itself is recursion.
    @Test func callsThroughThisAreOfEntryPoints() {
        #expect(errorIDs("contract C { function g() external {} function f() public { this.g(); } }").isEmpty)
        #expect(
            errorIDs("contract C { function g() internal {} function f() public { this.g(); } }") == ["sema.this-call"])
        #expect(errorIDs("contract C { function f() public { this.f(); } }") == ["sema.recursion"])
    }

    @Test func placeholderOnlyInModifiers() {
        #expect(errorIDs("contract C { function f() public { _; } }") == ["sema.placeholder-outside-modifier"])
    }

    @Test func propertyWordsOnlyInProperties() {
        #expect(
            errorIDs("contract C { function f() public returns (uint) { return old(1); } }") == ["sema.property-only"])
        #expect(errorIDs("contract C { function f() public { assume(true); } }") == ["sema.rule-only"])
    }

    @Test func ruleRulesAreEnforced() {
        #expect(
            errorIDs(
                "contract C { uint x; function f() public {} rule r() { call f(); assert(x == 0); satisfy(x == 0); } }")
                == ["sema.rule-assert-and-satisfy"])
        #expect(
            errorIDs("contract C { function f() public {} rule r() { call any; call any; assert(true); } }") == [
                "sema.rule-several-call-any"
            ])
        #expect(
            errorIDs("contract C { function f() public {} rule r() { call g(); assert(true); } }") == [
                "sema.unknown-function"
            ])
    }

    @Test func viewFunctionsCannotWrite() {
        #expect(
            errorIDs("contract C { uint x; function f() public view { x = 1; } }") == ["sema.view-modifies-state"])
    }

    @Test func propertiesAreCollectedWithTheirNames() throws {
        let (model, d) = analyze(
            """
            contract V {
                mapping(address => uint) balances;
                invariant solvent: balance >= sum(balances);
                function deposit() public payable ensures balances[msg.sender] >= old(balances[msg.sender]) {
                    balances[msg.sender] += msg.value;
                    assert(balances[msg.sender] >= msg.value);
                }
            }
            """)
        #expect(d.filter { $0.severity == .error }.isEmpty, "\(d)")
        let c = try #require(model?.contract(named: "V"))
        #expect(c.invariants.map(\.name) == ["solvent"])
        #expect(c.ensures.map(\.name) == ["ensures@4"])
        #expect(c.asserts.map(\.name) == ["assert@6"])
    }

    @Test func aSpecMustNameAContractOfTheRun() {
        #expect(errorIDs("spec Nope { invariant i: true; }", kind: .spec) == ["sema.unknown-spec-contract"])
    }

    @Test func deletingAWholeMappingIsAnError() {
        #expect(
            errorIDs("contract C { mapping(uint => uint) m; function f() public { delete m; } }") == [
                "sema.delete-mapping"
            ])
    }
}
