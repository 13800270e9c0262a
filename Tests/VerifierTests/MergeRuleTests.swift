import SMT
import Testing
import VigilSema
import VigilTrace

@testable import VigilVerifier

/// A solver whose answers are scripted by the names of a query's assumption literals
/// (`check!N` for a bounded violation query, `sanity!N` for a sanity check, `deploy` for the
/// unbounded engine's deployment query, ...); its models are never asked for.
final class ScriptedSolver: Solver {
    let answer: @Sendable ([String]) -> CheckResult
    init(answer: @escaping @Sendable ([String]) -> CheckResult) { self.answer = answer }
    func assert(_ t: Term) throws {}
    func push() throws {}
    func pop() throws {}
    func check(assumptions: [Term], rlimit: UInt64?) throws -> CheckResult {
        answer(assumptions.compactMap { if case .constant(let name, _) = $0.kind { name } else { nil } })
    }
    func model() throws -> Model { throw SolverError("a scripted solver has no model") }
    var resourceUsage: UInt64 { 0 }
    var name: String { "scripted" }
}

/// A Horn solver that gives one canned answer to every system, and accepts or rejects every certificate.
final class ScriptedHornSolver: HornSolver {
    let result: HornResult
    init(result: HornResult) { self.result = result }
    func add(_ clause: Term) throws {}
    func solve() throws -> HornResult { result }
    func validate(_ solution: HornSolution) throws -> CertificateCheck { .valid }
    var resourceUsage: UInt64 { 0 }
}

/// The engines without Z3: canned answers, so each merging rule is pinned by what the model checker makes of them.
struct ScriptedSolverFactory: SolverFactory {
    /// The bounded engine's violation queries.
    var violation: CheckResult = .unsat
    /// The sanity checks: does some execution reach the property, can a function succeed?
    var sanity: CheckResult = .sat
    /// Can a path run past a loop's bound?
    var loopCut: CheckResult = .unsat
    /// Every Horn system.
    var horn: HornResult = .safe(HornSolution(definitions: [:]))

    func makeSolver(options: SolverOptions) throws -> any Solver {
        let (violation, sanity, loopCut) = (violation, sanity, loopCut)
        return ScriptedSolver { names in
            if names.contains(where: { $0.hasPrefix("check!") }) { return violation }
            // Reach and success questions are asked of paths that end (`no-loop-cut`), loop cuts not.
            if names.contains(where: { $0.hasPrefix("sanity!") }) {
                return names.contains("no-loop-cut") ? sanity : loopCut
            }
            if names.contains(where: { $0.hasPrefix("any-loop-cut!") }) { return loopCut }
            // The deployment succeeds.
            return .sat
        }
    }

    func makeHornSolver(options: SolverOptions) throws -> any HornSolver { ScriptedHornSolver(result: horn) }
}

@Suite struct MergeRuleTests {
    static let contract = """
        contract C {
            uint256 x;
            function f(uint256 v) public {
                x = v;
                assert(x == v);
            }
        }
        """

    static let loop = """
        contract L {
            uint256 x;
            function f(uint256 n) public {
                for (uint256 i = 0; i < n; i++) { x += 1; }
                assert(x >= 0);
            }
        }
        """

    func check(_ factory: ScriptedSolverFactory, engine: Engine, source: String = contract, name: String = "C")
        throws -> PropertyResult
    {
        let model = try #require(analyzeVigil(source))
        let contract = try #require(model.contract(named: name))
        let results = ModelChecker(solverFactory: factory, options: CheckOptions(engine: engine))
            .check(model: model, contract: contract)
        return try #require(results.first { $0.property.kind == .assertion })
    }

    // MARK: The merging rules, one by one

    @Test func aProofOfWhatTheBoundedEngineViolatedIsTheEnginesDisagreement() {
        for bounded in [Verdict.violated, .satisfied] {
            #expect(
                ContractRun.merge(
                    .proved(certificate: "true"), bounded: bounded, unreachedWithinBounds: false, isSatisfyRule: false,
                    isInvariant: false) == .disagreement)
        }
    }

    @Test func aProofMakesHoldsOrUnknownProved() {
        for bounded in [Verdict.holds, .unknown, nil] {
            #expect(
                ContractRun.merge(
                    .proved(certificate: "x >= 0"), bounded: bounded, unreachedWithinBounds: false,
                    isSatisfyRule: false, isInvariant: false) == .proved(certificate: "x >= 0"))
        }
    }

    @Test func aProofOfWhatTheBoundsDoNotReachIsForVacuityToSettle() {
        #expect(
            ContractRun.merge(
                .proved(certificate: "true"), bounded: .vacuous, unreachedWithinBounds: true, isSatisfyRule: false,
                isInvariant: false) == .settleVacuity(.proved))
        #expect(
            ContractRun.merge(
                .failed(.derived), bounded: .vacuous, unreachedWithinBounds: true, isSatisfyRule: false,
                isInvariant: false) == .settleVacuity(.derivedFailure))
        // An invariant is never vacuous.
        #expect(
            ContractRun.merge(
                .proved(certificate: "true"), bounded: .holds, unreachedWithinBounds: true, isSatisfyRule: false,
                isInvariant: true) == .proved(certificate: "true"))
    }

    @Test func vacuousForAnotherReasonStaysSo() {
        #expect(
            ContractRun.merge(
                .proved(certificate: "true"), bounded: .vacuous, unreachedWithinBounds: false, isSatisfyRule: false,
                isInvariant: false) == .keep)
    }

    @Test func aProvedSatisfyRuleIsUnsatisfiable() {
        #expect(
            ContractRun.merge(
                .proved(certificate: "true"), bounded: .unsatisfiable, unreachedWithinBounds: false,
                isSatisfyRule: true, isInvariant: false) == .unsatisfiable(certificate: "true"))
    }

    @Test func withoutAProofTheBoundedResultStands() {
        for failure in [ProofFailure.derived, .notProvedTogether, .gaveUp("budget")] {
            for bounded in [Verdict.holds, .violated, .unknown] {
                #expect(
                    ContractRun.merge(
                        .failed(failure), bounded: bounded, unreachedWithinBounds: false, isSatisfyRule: false,
                        isInvariant: false) == .keep)
            }
            #expect(
                ContractRun.merge(
                    .failed(failure), bounded: nil, unreachedWithinBounds: false, isSatisfyRule: false,
                    isInvariant: false) == .unknown(failure))
        }
        #expect(
            ContractRun.merge(
                nil, bounded: .holds, unreachedWithinBounds: false, isSatisfyRule: false, isInvariant: false) == .keep)
    }

    @Test func aRuleNothingGetsToIsVacuousOnlyWhenTheBoundedEngineSaidNothing() {
        #expect(
            ContractRun.merge(
                .unreachable, bounded: nil, unreachedWithinBounds: false, isSatisfyRule: true, isInvariant: false)
                == .admitsNone(satisfy: true))
        #expect(
            ContractRun.merge(
                .unreachable, bounded: .holds, unreachedWithinBounds: false, isSatisfyRule: false, isInvariant: false)
                == .keep)
    }

    // MARK: The model checker on scripted answers

    @Test func aBoundedUnknownPlusAProofIsProved() throws {
        let give = CheckResult.unknown(reason: .resourceLimit(rlimit: 1))
        let bounded = try check(ScriptedSolverFactory(violation: give), engine: .bmc)
        #expect(bounded.verdict == .unknown)
        #expect(bounded.reason?.hasPrefix("solver: resource limit") == true)
        let both = try check(ScriptedSolverFactory(violation: give), engine: .auto)
        #expect(both.verdict == .proved)
        #expect(both.certificate == "true")
        #expect(both.assumptions.first == "unbounded: every transaction sequence, re-entry of any depth")
    }

    @Test func aProofOfAnAssertNothingReachesIsVacuous() throws {
        // The sanity checks find nothing reaching the assert; the unbounded engine proves it,
        // and proves that nothing reaches it.
        let unreached = ScriptedSolverFactory(sanity: .unsat)
        let within = try check(unreached, engine: .bmc)
        #expect(within.verdict == .vacuous)
        #expect(within.reason == Reason.unreached(.assertion, proved: false).description)
        let proved = try check(unreached, engine: .auto)
        #expect(proved.verdict == .vacuous)
        #expect(proved.reason == Reason.unreached(.assertion, proved: true).description)
        // A failure derived beyond the bounds is never vacuous: a longer execution may fail it.
        var reached = unreached
        reached.horn = .unsafe
        let derived = try check(reached, engine: .auto)
        #expect(derived.verdict == .unknown)
        #expect(derived.reason == Reason.failureBeyondBounds(.derived).description)
    }

    @Test func aLoopCutIsNeverVacuous() throws {
        // Nothing reaches the assert within the bounds, but a path runs past the loop's bound.
        let cut = ScriptedSolverFactory(sanity: .unsat, loopCut: .sat, horn: .unsafe)
        for engine in [Engine.bmc, .auto] {
            let r = try check(cut, engine: engine, source: Self.loop, name: "L")
            #expect(r.verdict == .unknown)
            #expect(r.assumptions.contains("loop cut"))
            #expect(r.reason?.contains("may need more than 4 iterations") == true)
        }
        // A proof does not need the loop's bound.
        var proof = cut
        proof.horn = .safe(HornSolution(definitions: [:]))
        let proved = try check(proof, engine: .auto, source: Self.loop, name: "L")
        #expect(proved.verdict == .proved, "\(proved.reason ?? "")")
    }

    @Test func underProveADerivedFailureWithoutATraceIsUnknown() throws {
        let r = try check(ScriptedSolverFactory(horn: .unsafe), engine: .prove)
        #expect(r.verdict == .unknown)
        #expect(r.reason == Reason.failureBeyondBounds(.derived).description)
    }
}
