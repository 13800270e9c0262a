import Foundation
import Testing
import VigilReporting
import VigilTrace
import VigilVerifier
import Z3Backend

@testable import VigilCLI

/// Progress on a terminal, `--quiet` and `--verbose`.
@Suite struct ProgressTests {
    @Test func theCheckerSaysWhereItIs() throws {
        let front = FrontEnd.run(paths: [repositoryRoot.appendingPathComponent("examples/owner_reentry.vigil").path])
        let model = try #require(front.model)
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var all: [CheckProgress] = []
        }
        let seen = Seen()
        // The bounded engine alone: beside the prover it may stop early, once everything is proved.
        var checker = ModelChecker(solverFactory: Z3SolverFactory(), options: CheckOptions(engine: .bmc))
        checker.progress = { p in
            seen.lock.lock()
            seen.all.append(p)
            seen.lock.unlock()
        }
        _ = checker.check(model: model, contract: model.contracts[0])
        #expect(
            seen.all.first
                == CheckProgress(
                    contract: "OwnerReentry", properties: ["solvent", "tracked"], depth: 0, maximumDepth: 4,
                    searching: Bounds(reentrancy: 0)))
        // Cheapest questions first: no re-entry, then one re-entrant call, then the full bounds.
        #expect(seen.all.map(\.depth) == [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        #expect(seen.all.map { $0.searching?.reentrancy } == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, nil, nil, nil, nil, nil])
        #expect(seen.all.last?.properties == ["tracked"])  // solvent is violated at depth 1, with one re-entrant call
    }

    @Test func theLineNamesContractPropertiesDepthAndTime() {
        let p = CheckProgress(contract: "Vault", properties: ["solvent", "paid", "a", "b"], depth: 2, maximumDepth: 4)
        #expect(ProgressLine.describe(p, elapsed: 3.17) == "checking Vault: solvent, paid (+2) at depth 2 of 4, 3.1 s")
        var search = p
        search.searching = Bounds(reentrancy: 1, reentrantCalls: 1)
        #expect(
            ProgressLine.describe(search, elapsed: 0.5)
                == "checking Vault: solvent, paid (+2) at depth 2 of 4 (reentrancy 1), 0.5 s")
        #expect(ProgressLine.forStandardError(isTerminal: false) == nil)
    }

    @Test func quietShowsOnlyWhatNeedsAttention() throws {
        let document = try ReportFixtures.everyVerdict()
        let quiet = TextReport(quiet: true).render(document)
        #expect(!quiet.contains("FixedVault.solvent: holds") && !quiet.contains("synthetic_proved"))
        #expect(!quiet.contains("synthetic_satisfied"))
        for shown in [
            "Vault.solvent: violated", "synthetic_unknown: unknown", "synthetic_vacuous", "synthetic_unsatisfiable",
        ] {
            #expect(quiet.contains(shown))
        }
        #expect(quiet.hasSuffix("1 proved, 1 holds, 2 violated, 1 vacuous, 1 unknown, 1 satisfied, 1 unsatisfiable\n"))
        let verbose = TextReport(verbose: true).render(document)
        #expect(
            verbose.contains(
                "FixedVault.solvent: holds (depth 4, reentrancy 2, reentrant calls 2, loops 4)\n"
                    + "  assumes bounds: depth 4, reentrancy 2, reentrant calls 2, loops 4\n  checked in "))
    }
}
