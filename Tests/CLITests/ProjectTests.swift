import Foundation
import Testing

@testable import VigilCLI

/// Remappings with solc's rules, `foundry.toml` as Vigil reads it, and a project checked
/// with no configuration.
@Suite struct ProjectTests {
    func remapping(_ text: String) -> Remapping { Remapping(parsing: text, origin: "test")! }

    @Test func theLongestPrefixWinsThenTheLastGiven() {
        let all = [remapping("a/=x/"), remapping("a/b/=y/"), remapping("a/b/=z/")]
        #expect(all.match("a/b/c.sol", importedFrom: "src/A.sol")?.target == "z/")
        #expect(all.match("a/c.sol", importedFrom: "src/A.sol")?.target == "x/")
        #expect(all.match("b/c.sol", importedFrom: "src/A.sol") == nil)
    }

    @Test func aContextRestrictsARemappingToTheFilesUnderIt() {
        let all = [remapping("lib/old:dep/=lib/dep-v1/"), remapping("dep/=lib/dep-v2/")]
        #expect(all.match("dep/D.sol", importedFrom: "lib/old/src/O.sol")?.target == "lib/dep-v1/")
        #expect(all.match("dep/D.sol", importedFrom: "src/A.sol")?.target == "lib/dep-v2/")
    }

    @Test func aRemappingNeedsAnEqualsSignAndAPrefix() {
        #expect(Remapping(parsing: "nothing", origin: "test") == nil)
        #expect(Remapping(parsing: "=x/", origin: "test") == nil)
        #expect(remapping("ctx:p/=t/").context == "ctx")
    }

    @Test func foundryTomlIsReadFromTheDefaultProfile() {
        let settings = FoundrySettings(
            toml: """
                # comment
                [profile.default]
                src = "contracts" # trailing comment
                libs = ["lib", "vendor"]
                remappings = [
                    "@oz/=lib/openzeppelin-contracts/contracts/",
                    'solmate/=lib/solmate/src/',
                ]

                [profile.ci]
                src = "other"
                """)
        #expect(settings.sources == "contracts")
        #expect(settings.libraries == ["lib", "vendor"])
        #expect(settings.remappings == ["@oz/=lib/openzeppelin-contracts/contracts/", "solmate/=lib/solmate/src/"])
    }

    /// A file reached by two relative paths that normalize apart (`../I.sol` and
    /// `../../a/I.sol`, from a file checked in its own folder) was loaded twice: two `I`s, and
    /// `C` wrongly had to override `f` (OpenZeppelin's `ERC1363`, `ERC4626`).
    @Test func oneFileReachedByTwoRelativePathsIsOneFile() throws {
        let folder = repositoryRoot.appendingPathComponent("Tests/Projects/relative-imports/a/b")
        let (status, output) = try runProcess(vigilExecutable, ["parse", "C.sol"], in: folder, mergingErrors: true)
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        #expect(output.isEmpty)
    }

    /// The example project, as `vigil check` runs in it: only src/ is checked (the bases of
    /// lib/ are read through remappings.txt and Forge's automatic remapping).
    @Test func theExampleProjectChecksItsSourcesOnly() throws {
        let output = try runVigil(["check", "examples/foundry-project", "--format", "json", "--quiet"])
        let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let contracts = (report?["contracts"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(contracts?.sorted() == ["CappedToken", "EtherVault", "RewardPool"])
        let inputs = report?["inputs"] as? [String] ?? []
        #expect(inputs.contains { $0.hasSuffix("lib/base-contracts/src/token/ERC20.sol") })
        #expect(!inputs.contains { $0.contains("/test/") })
    }

    /// Tests and scripts are never read: `test/`, `script/` and `*.t.sol` in `src/` all import
    /// forge-std, which the fixture does not have, and the check still succeeds.
    @Test func testsAndScriptsAreNotRead() throws {
        let output = try runVigil(["check", "Tests/Fixtures/project_with_tests", "--format", "json", "--quiet"])
        let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(report?["inputs"] as? [String] == ["Tests/Fixtures/project_with_tests/src/Counter.sol"])
        let verdicts = (report?["results"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["proved"])
    }

    /// Files whose contracts are all abstract (or interfaces, or libraries) hold nothing to deploy:
    /// an input error, never an empty green report.
    @Test func nothingDeployableIsAnInputError() throws {
        let (status, output) = try runProcess(
            vigilExecutable, ["check", "examples/foundry-project/lib/base-contracts/src/token/ERC20.sol"],
            in: repositoryRoot, mergingErrors: true)
        #expect(status == 2)
        #expect(String(decoding: output, as: UTF8.self).contains("no deployable contract"))
    }

    /// `--remap` on the command line wins over the project's own remapping of the same prefix.
    @Test func theCommandLineRemappingWins() throws {
        let file = "Tests/Fixtures/project_missing_remapping/src/Uses.sol"
        let (_, before) = try runProcess(vigilExecutable, ["parse", file], in: repositoryRoot, mergingErrors: true)
        let (_, after) = try runProcess(
            vigilExecutable, ["parse", file, "--remap", "gone/=lib/present/src/"], in: repositoryRoot,
            mergingErrors: true)
        #expect(String(decoding: before, as: UTF8.self).contains("not found: gone/Thing.sol"))
        #expect(!String(decoding: after, as: UTF8.self).contains("not found: gone/Thing.sol"))
        #expect(String(decoding: after, as: UTF8.self).contains("not found: unmapped/Thing.sol"))
    }

    /// A warning of the front end is shown once, not again by each contract's process.
    @Test func aWarningIsShownOnce() throws {
        let (_, output) = try runProcess(
            vigilExecutable, ["check", "Tests/Regressions/opaque_strings.sol", "--quiet"], in: repositoryRoot,
            mergingErrors: true)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.components(separatedBy: "local variable 'b' is never used").count == 2)
    }
}
