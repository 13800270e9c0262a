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

    /// The example project, as `vigil check` runs in it: only src/ is checked (the bases of
    /// lib/ are read through remappings.txt and Forge's automatic remapping; test/ imports
    /// forge-std, which is not there, and is never read).
    @Test func theExampleProjectChecksItsSourcesOnly() throws {
        let output = try runVigil(["check", "examples/foundry-project", "--format", "json", "--quiet"])
        let report = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let contracts = (report?["contracts"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(contracts?.sorted() == ["CappedToken", "EtherVault"])
        let inputs = report?["inputs"] as? [String] ?? []
        #expect(inputs.contains { $0.hasSuffix("lib/base-contracts/src/token/ERC20.sol") })
        #expect(!inputs.contains { $0.contains("/test/") })
    }
}
