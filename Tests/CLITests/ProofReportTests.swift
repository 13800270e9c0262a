import Testing
import VigilReporting
import VigilVerifier

/// The invariant behind a proof in the reports: printed with `--show-invariants`, kept in JSON.
@Suite struct ProofReportTests {
    @Test func theInductiveInvariantIsShownOnlyWhenAskedAndKeptInJSON() throws {
        var document = try ReportFixtures.everyVerdict()
        let index = try #require(document.results.firstIndex { $0.verdict == .proved })
        document.results[index].invariant = "sum(balances) <= balance"
        let line = "  inductive invariant: sum(balances) <= balance\n"
        #expect(TextReport(showInvariants: true).render(document).contains(line))
        #expect(!TextReport().render(document).contains("inductive invariant"))
        #expect(try JSONReport.render(document).contains("\"invariant\" : \"sum(balances) <= balance\""))
    }
}
