import Foundation
import Synchronization
import Testing
import VigilLowering
import VigilSema
import VigilTrace
import Z3Backend

@testable import VigilVerifier

/// `--engine auto`: the engines side by side stop each other only where no answer can change.
@Suite struct EngineRaceTests {
    @Test func theBoundedEngineStopsOnlyOnceEverythingItChecksIsProved() {
        let race = EngineRace()
        #expect(race.startQuery(pending: ["a", "b"]))
        race.publishProved("a", certificate: "true")
        #expect(!race.boundedStop.isRaised)  // b is still open
        race.publishProved("b", certificate: "true")
        #expect(race.boundedStop.isRaised)
        // The next query is not needed, and the signal is lowered for whatever comes next.
        #expect(!race.startQuery(pending: ["a", "b"]))
        #expect(!race.boundedStop.isRaised)
        #expect(race.startQuery(pending: ["c"]))
    }

    @Test func theProverStopsOnceOneOfItsGoalsIsSettled() {
        let race = EngineRace()
        #expect(race.startSolving(["a", "b"]))
        race.publishSettled("c")
        #expect(!race.proverStop.isRaised)  // not a goal of this solve
        race.publishSettled("a")
        #expect(race.proverStop.isRaised)  // no proof covers a and b together any more
        #expect(!race.startSolving(["a", "b"]))
        #expect(!race.proverStop.isRaised)
        #expect(race.startSolving(["b"]))
        #expect(!race.isProverCancelled)
    }

    @Test func theProverRetriesOnlyWhatTheBoundedEngineLeftOpenOnceItIsDone() {
        let race = EngineRace()
        race.publishSettled("a")
        let open = Mutex<[String]?>(nil)
        let waiter = Thread {
            let found = race.openAfterBounded(["a", "b", "c"])
            open.withLock { $0 = found }
        }
        waiter.start()
        Thread.sleep(forTimeInterval: 0.1)
        #expect(open.withLock { $0 } == nil)  // still waiting for the bounded engine
        race.publishSettled("c")
        race.finishBounded(cancelProver: false)
        let deadline = Date().addingTimeInterval(10)
        while open.withLock({ $0 }) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(open.withLock { $0 } == ["b"])
        #expect(race.openAfterBounded(["b"]) == ["b"])  // done stays done
    }

    @Test func aCancelledProverHasNothingLeftToDo() {
        let race = EngineRace()
        race.finishBounded(cancelProver: true)
        #expect(race.proverStop.isRaised)
        #expect(!race.startSolving(["a"]))
        #expect(race.openAfterBounded(["a"]).isEmpty)
    }

    /// The same report whichever engine is faster: auto gives the verdicts of the engines alone.
    @Test func autoAgreesWithEachEngineAlone() throws {
        let model = try #require(analyzeVigil(fixedVault + "\n" + vulnerableVault))
        for name in ["FixedVault", "Vault"] {
            let contract = try #require(model.contract(named: name))
            func verdicts(_ engine: Engine) -> [Verdict] {
                ModelChecker(
                    solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: Bounds(depth: 2), engine: engine)
                ).check(model: model, contract: contract).map(\.verdict)
            }
            let auto = verdicts(.auto)
            #expect(auto == (name == "Vault" ? [.violated] : [.proved]))
            #expect(auto == (name == "Vault" ? verdicts(.bmc) : verdicts(.prove)))
        }
    }
}
