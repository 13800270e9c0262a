import Testing
import VigilLowering
import VigilSema
import VigilVerifier
import Z3Backend

/// The sanity checks: properties that hold only because nothing reaches them, and functions
/// that can never succeed.
@Suite struct SanityTests {
    static let source = """
        contract Vac {
            uint x;
            invariant small: x < 10;
            function stuck(uint v) public { require(v > 5); require(v < 3); x = v; }
            function set(uint v) public { require(v < 10); x = v; if (v > 20) { assert(x == 0); } }
            function reached(uint v) public { if (v > 20) { assert(v > 0); } }
            function get() public view returns (uint r) ensures result == x { require(x > 100); return x; }
        }
        contract Dead {
            uint y;
            invariant zero: y == 0;
            constructor() { require(y == 1); }
            function f() public { y = 0; }
        }
        """

    func check(_ name: String) throws -> (
        results: [String: PropertyResult], warnings: [String]
    ) {
        let model = try #require(analyzeVigil(Self.source))
        let contract = try #require(model.contract(named: name))
        let (results, _, warnings) = BoundedChecker(
            solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: Bounds(depth: 2), engine: .bmc)
        ).checkWithStatistics(model: model, contract: contract)
        return (
            Dictionary(results.map { ($0.property.name, $0) }, uniquingKeysWith: { a, _ in a }),
            warnings.map(\.message)
        )
    }

    @Test func anAssertNoExecutionReachesIsVacuousAndOneThatIsReachedHolds() throws {
        let (results, _) = try check("Vac")
        #expect(results["assert@5"]?.verdict == .vacuous)
        #expect(results["assert@5"]?.reason?.contains("reaches it") == true)
        #expect(results["assert@6"]?.verdict == .holds)
        #expect(results["small"]?.verdict == .holds)
    }

    @Test func anEnsuresWhoseFunctionNeverReturnsIsVacuous() throws {
        let (results, _) = try check("Vac")
        #expect(results["ensures@7"]?.verdict == .vacuous)
    }

    @Test func aFunctionThatAlwaysRevertsIsWarnedAboutAndNoOther() throws {
        let (_, warnings) = try check("Vac")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("'stuck' reverts on every input") == true)
    }

    @Test func invariantsOfAContractThatCannotBeDeployedAreVacuous() throws {
        let (results, _) = try check("Dead")
        #expect(results["zero"]?.verdict == .vacuous)
        #expect(results["zero"]?.reason?.contains("constructor") == true)
    }
}
