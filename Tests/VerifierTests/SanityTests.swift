import Testing
import VigilLowering
import VigilSema
import VigilTrace
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
        contract Deep {
            uint n;
            invariant bounded: n <= 5;
            function step() public { require(n < 5); n += 1; }
            function finish() public { require(n == 5); n = 0; }
        }
        """

    func check(_ name: String, engine: Engine = .bmc) throws -> (
        results: [String: PropertyResult], warnings: [String]
    ) {
        let model = try #require(analyzeVigil(Self.source))
        let contract = try #require(model.contract(named: name))
        let (results, _, warnings) = ModelChecker(
            solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: Bounds(depth: 2), engine: engine)
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

    /// With `--engine prove` alone, the unbounded engine answers the same questions for every
    /// transaction sequence: a proof that nothing reaches an assert, or that a function never
    /// succeeds, and no warning for a function that succeeds only past the bounded engine's depth.
    @Test func theUnboundedEngineAloneFindsWhatIsNeverReached() throws {
        let (results, warnings) = try check("Vac", engine: .prove)
        #expect(results["small"]?.verdict == .proved)
        #expect(results["assert@6"]?.verdict == .proved)
        #expect(results["assert@5"]?.verdict == .vacuous)
        #expect(
            results["assert@5"]?.reason
                == "no execution from any reachable state reaches it: it holds only because of that (proved)")
        #expect(results["ensures@7"]?.verdict == .vacuous)
        #expect(results["ensures@7"]?.reason?.contains("returns from its function") == true)
        #expect(warnings == ["'stuck' reverts on every input from every reachable state (proved)"])

        let bounded = try check("Deep")
        #expect(bounded.warnings == ["'finish' reverts on every input from every state reached within 2 transactions"])
        let unbounded = try check("Deep", engine: .prove)
        #expect(unbounded.results["bounded"]?.verdict == .proved)
        #expect(unbounded.warnings.isEmpty)
    }

    @Test func invariantsOfAContractThatCannotBeDeployedAreVacuous() throws {
        let (results, _) = try check("Dead")
        #expect(results["zero"]?.verdict == .vacuous)
        #expect(results["zero"]?.reason?.contains("constructor") == true)
    }
}
