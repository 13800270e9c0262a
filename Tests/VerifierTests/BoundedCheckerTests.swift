import BigInt
import Foundation
import Testing
import VigilLowering
import VigilSema
import VigilTrace
import VigilVerifier
import Z3Backend

@Suite struct BoundedCheckerTests {
    func check(_ source: String, _ name: String, bounds: Bounds = Bounds(), rlimit: UInt64? = 20_000_000) throws
        -> [PropertyResult]
    {
        let model = try #require(analyzeVigil(source))
        let contract = try #require(model.contract(named: name))
        return ModelChecker(
            solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: bounds, rlimit: rlimit, engine: .bmc)
        )
        .check(model: model, contract: contract)
    }

    @Test func theVaultIsViolatedWithAReplayedTrace() throws {
        let results = try check(vulnerableVault, "Vault")
        let r = try #require(results.first)
        #expect(r.verdict == .violated)
        let trace = try #require(r.trace)
        #expect(trace.parts.map(\.name) == ["balance", "sum(balances)"])
        #expect(trace.steps.contains { step in step.externalCalls.contains { !$0.calls.isEmpty } })
    }

    /// Cheapest questions first: the classic attack, one re-entrant call, and among the
    /// counterexamples with that few, the shortest in transactions.
    @Test func theCounterexampleHasTheFewestReentrantCallsThenTransactions() throws {
        let r = try #require(try check(vulnerableVault, "Vault").first)
        let trace = try #require(r.trace)
        let transactions = trace.steps.filter { $0.kind == .transaction }.count
        func reentrantCalls(_ calls: [ExternalCallRecord]) -> Int {
            calls.map { $0.calls.count + $0.calls.map { reentrantCalls($0.externalCalls) }.reduce(0, +) }.reduce(0, +)
        }
        #expect(trace.steps.map { reentrantCalls($0.externalCalls) }.reduce(0, +) == 1)
        // One transaction fewer is not enough with one re-entrant call.
        let shorter = try #require(
            try check(
                vulnerableVault, "Vault", bounds: Bounds(depth: transactions - 1, reentrancy: 1, reentrantCalls: 1)
            )
            .first)
        #expect(shorter.verdict == .holds)
    }

    /// The SpankChain-shaped channel, fixed: the full bounds exhaust a small budget at depth 2,
    /// and the result says that the searches with smaller bounds went to every depth in vain.
    @Test func aBudgetSpentAtFullBoundsSaysHowFarTheSmallerOnesGot() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let source = try String(
            contentsOf: root.appendingPathComponent("examples/channel_refund_fixed.vigil"), encoding: .utf8)
        let r = try #require(try check(source, "ChannelsFixed", rlimit: 2_000_000).first)
        #expect(r.verdict == .unknown)
        #expect(r.reason?.hasSuffix("; no counterexample with reentrancy 1, 1 reentrant call up to depth 4") == true)
        // The unfixed channel's attack needs one re-entrant call: the search finds it.
        let attacked = try String(
            contentsOf: root.appendingPathComponent("examples/channel_refund.vigil"), encoding: .utf8)
        #expect(try check(attacked, "Channels", rlimit: 2_000_000).first?.verdict == .violated)
    }

    @Test func withoutReentryTheVaultHolds() throws {
        let r = try #require(try check(vulnerableVault, "Vault", bounds: Bounds(depth: 3, reentrancy: 0)).first)
        #expect(r.verdict == .holds)
        #expect(r.assumptions.contains { $0.contains("reentrancy 0") })
    }

    @Test func theFixedVaultHoldsAtDepthEight() throws {
        let r = try #require(try check(fixedVault, "FixedVault", bounds: Bounds(depth: 8)).first)
        #expect(r.verdict == .holds)
    }

    @Test func aLoopBeyondTheUnrollingBoundIsUnknownWithItsLocation() throws {
        let source = """
            contract Counter {
                uint n;
                invariant small: n < 100;
                function spin(uint k) public { for (uint i = 0; i < k; i++) { n += 0; } }
            }
            """
        let r = try #require(try check(source, "Counter", bounds: Bounds(depth: 1, loops: 2)).first)
        #expect(r.verdict == .unknown)
        #expect(r.reason?.contains("test.vigil:4:") == true)
    }

    @Test func anUncheckedOverflowIsFoundAndACheckedOneReverts() throws {
        let unchecked = """
            contract U {
                uint8 x;
                invariant below: x != 255;
                function dec() public { unchecked { x -= 1; } }
            }
            """
        #expect(try check(unchecked, "U", bounds: Bounds(depth: 1)).first?.verdict == .violated)
        let checked = unchecked.replacingOccurrences(of: "unchecked { x -= 1; }", with: "x -= 1;")
        #expect(try check(checked, "U", bounds: Bounds(depth: 3)).first?.verdict == .holds)
    }

    /// With the default budget, and with none (`--rlimit 0`, whose tenth for the re-solving is no limit either).
    @Test(arguments: [20_000_000, 0] as [UInt64])
    func theCounterexampleIsReadable(rlimit: UInt64) throws {
        let trace = try #require(try check(vulnerableVault, "Vault", rlimit: rlimit).first?.trace)
        func calls(_ steps: [TraceStep]) -> Int {
            steps.reduce(0) { n, step in n + step.externalCalls.reduce(0) { $0 + $1.calls.count + calls($1.calls) } }
        }
        func amounts(_ steps: [TraceStep]) -> [BigInt] {
            steps.flatMap { step in [step.value, step.forcedEther] + step.externalCalls.flatMap { amounts($0.calls) } }
        }
        // The fewest re-entrant calls that break the vault in one transaction, small values, no forced ether.
        #expect(calls(trace.steps) <= 4)
        #expect(amounts(trace.steps).allSatisfy { $0 <= 1000 })
        #expect(trace.initialBalance == 0)
    }

    @Test func etherForcedInAtTheEndIsPartOfTheTrace() throws {
        let source = """
            contract Exact {
                uint deposits;
                invariant exact: balance == deposits;
                function deposit() public payable { deposits += msg.value; }
            }
            """
        let r = try #require(try check(source, "Exact").first)
        #expect(r.verdict == .violated)
        let trace = try #require(r.trace)
        #expect(trace.finalForcedEther > 0 || trace.initialBalance > 0)
    }

    @Test func statisticsSayWhereTheTimeWent() throws {
        let model = try #require(analyzeVigil(fixedVault))
        let contract = try #require(model.contract(named: "FixedVault"))
        // The bounded engine alone: beside the prover it stops once the invariant is proved.
        let (results, s, _) = ModelChecker(solverFactory: Z3SolverFactory(), options: CheckOptions(engine: .bmc))
            .checkWithStatistics(model: model, contract: contract)
        #expect(results.count == 1)
        #expect(s.queries >= 5)  // depths 0 to 4
        #expect(s.resourceUsage > 0)
        #expect(s.solverSeconds > 0 && s.solverSeconds <= s.totalSeconds)
        #expect(s.proofSeconds == 0)
        let (_, both, _) = ModelChecker(solverFactory: Z3SolverFactory(), options: CheckOptions(engine: .auto))
            .checkWithStatistics(model: model, contract: contract)
        #expect(both.proofSeconds > 0 && both.proofWaitSeconds <= both.totalSeconds)
    }
}
