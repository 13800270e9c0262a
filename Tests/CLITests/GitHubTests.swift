import Testing
import VigilReporting

/// GitHub Actions workflow commands: one annotation per property that needs attention, escaped.
@Suite struct GitHubTests {
    @Test func escapingFollowsTheRunnersRules() {
        #expect(GitHubReport.escapeData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(GitHubReport.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func anAnnotationPerPropertyThatNeedsAttention() throws {
        let document = try ReportFixtures.everyVerdict()
        let lines = GitHubReport(paths: ReportPaths(baseDirectory: repositoryRoot.path)).render(document)
            .split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("::error ") }
        let warnings = lines.filter { $0.hasPrefix("::warning ") }
        #expect(errors.count == 2)  // Vault.solvent and SpecVault.solvent
        #expect(warnings.count == 3)  // unknown, vacuous, unsatisfiable
        let vault = try #require(errors.first { $0.contains("title=Vault.solvent violated") })
        #expect(
            vault.hasPrefix(
                "::error file=examples/vault_reentrancy.vigil,line=15,col=5,endLine=15,endColumn="))
        let message = try #require(vault.components(separatedBy: "::").last)
        #expect(!message.contains("\n") && message.contains("%0A  counterexample:%0A"))
        #expect(lines.last == "1 proved, 1 holds, 2 violated, 1 vacuous, 1 unknown, 1 satisfied, 1 unsatisfiable")
    }
}
