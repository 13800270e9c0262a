import Testing

@testable import VigilVerifier

/// The one rule of vacuity, without a solver: each line of `Vacuity`'s doc comment.
@Suite struct VacuityTests {
    @Test func aProofThatNothingReachesItIsVacuousWhateverTheBoundsSaw() {
        for within in [true, false] {
            for engine in Engine.allCases {
                #expect(
                    Vacuity.decide(unreachedWithinBounds: within, proof: .proved, provedUnreached: true, engine: engine)
                        == .vacuous(proved: true))
            }
        }
    }

    @Test func unreachedWithinTheBoundsButProvedIsProvedWithAWarning() {
        #expect(
            Vacuity.decide(unreachedWithinBounds: true, proof: .proved, provedUnreached: false, engine: .auto)
                == .provedUnreachedWithinBounds)
    }

    @Test func aFailureDerivedBeyondTheBoundsIsNeverVacuous() {
        for engine in Engine.allCases {
            #expect(
                Vacuity.decide(
                    unreachedWithinBounds: true, proof: .derivedFailure, provedUnreached: false, engine: engine)
                    == .failureBeyondBounds)
        }
    }

    @Test func withoutAnUnboundedAnswerTheBoundsDecideExceptUnderProve() {
        #expect(
            Vacuity.decide(unreachedWithinBounds: true, proof: .none, provedUnreached: false, engine: .bmc)
                == .vacuous(proved: false))
        #expect(
            Vacuity.decide(unreachedWithinBounds: true, proof: .otherFailure, provedUnreached: false, engine: .auto)
                == .vacuous(proved: false))
        #expect(
            Vacuity.decide(unreachedWithinBounds: true, proof: .otherFailure, provedUnreached: false, engine: .prove)
                == .failureBeyondBounds)
    }

    /// A path cut at a loop bound is never "unreached" (the sanity checks say reached), so it
    /// never becomes vacuous, whatever the unbounded engine says.
    @Test func whatTheBoundsReachIsNotAQuestionOfVacuity() {
        for proof in [Vacuity.Proof.none, .proved, .derivedFailure, .otherFailure] {
            #expect(
                Vacuity.decide(unreachedWithinBounds: false, proof: proof, provedUnreached: false, engine: .auto)
                    == .notVacuous)
        }
    }

    @Test func reasonsAreWrittenOnce() {
        #expect(
            Reason.loopCut(loops: ["a.sol:3:5"], bound: 4, delegations: []).description
                == "the loop at a.sol:3:5 may need more than 4 iterations: raise --loops to look further")
        #expect(
            Reason.unreached(.rule, proved: true).description
                == "no execution from any reachable state gets to its 'assert': it holds only because of that (proved)")
        #expect(Reason.failureBeyondBounds(.derived).description.hasSuffix("to look further"))
        #expect(!Reason.failureBeyondBounds(.notProvedTogether).description.contains("raise --depth"))
        #expect(!Reason.unconfirmable("x").description.contains("internal error"))
    }
}
