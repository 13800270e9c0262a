import Foundation
import Testing
import VigilReporting
import VigilVerifier

/// Rules and sanity warnings in every format: a rule's inputs between its prefix and its own
/// calls, a witness, the reason of an unsatisfiable rule, and warnings wherever a result shows.
@Suite struct RuleReportTests {
    static func document() throws -> ReportDocument { try ReportFixtures.rules.get() }

    static func result(_ property: String) throws -> ResultRecord {
        try #require(try document().results.first { $0.property == property })
    }

    @Test func theTextShowsRuleInputsWitnessesAndWarnings() throws {
        let text = TextReport().render(try Self.document())
        #expect(
            text.contains(
                """
                SpecOwnable.onlyOwnerChangesOwner[initialize]: violated
                  counterexample:
                    deploy constructor() from user1 at time 0, block 0  (line 28)
                      owner: address(0) → user1
                    the rule starts with s = user2
                    [rule] initialize(newOwner: address(0)) from user2 at time 0, block 0  (line 42)
                      owner: user1 → address(0)
                """))
        #expect(text.contains("    property fails at line 25 with owner = address(0), oldOwner = user1, s = user2\n"))
        #expect(text.contains("SpecToken.canReceive: satisfied\n  witness:\n"))
        #expect(text.contains("    the rule starts with sender = user1, receiver = "))
        #expect(text.contains("    satisfied at line 44\n"))
        #expect(
            text.contains(
                "SpecToken.cannotOverdraw: unsatisfiable (depth 4, reentrancy 2, reentrant calls 2, loops 4): no state at all"
            ))
        #expect(
            text.contains(
                """
                Counter.bumpChecksNothing: holds (depth 4, reentrancy 2, reentrant calls 2, loops 4)
                  warning: its asserts hold whatever state its calls leave behind: the rule checks nothing the code does

                """))
    }

    /// A satisfy-rule the unbounded engine proved unsatisfiable holds for every sequence: no bounds.
    @Test func aProvedUnsatisfiableRuleShowsNoBounds() throws {
        var r = try Self.result("cannotOverdraw")
        #expect(TextReport().headline(r).contains("unsatisfiable (depth 4"))
        r.invariant = "true"
        r.reason = "no execution from any reachable state satisfies it (proved)"
        #expect(
            TextReport().headline(r).hasSuffix(
                "SpecToken.cannotOverdraw: unsatisfiable: no execution from any reachable state satisfies it (proved)"))
    }

    @Test func quietKeepsASafeResultWithAWarning() throws {
        let text = TextReport(quiet: true).render(try Self.document())
        #expect(text.contains("Counter.bumpChecksNothing: holds"))
        #expect(!text.contains("SpecToken.canReceive"))
        #expect(!text.contains("onlyOwnerChangesOwner[setFee]"))
    }

    @Test func theJSONKeepsInputsAndWarningsInOrder() throws {
        let json = try JSONReport.render(try Self.document())
        #expect(try schemaViolation(of: json, schema: ReportTests.schema) == nil)
        #expect(try JSONReport.decode(Data(json.utf8)) == (try Self.document()))
        let token = try Self.result("canReceive")
        #expect(token.ruleInputs?.map(\.name) == ["sender", "receiver"])
        #expect(token.schedule?.ruleInputs?.count == 2)
        let owner = try Self.result("onlyOwnerChangesOwner[initialize]")
        #expect(owner.ruleInputs == [NamedText(name: "s", value: "user2")])
        #expect(try Self.result("bumpChecksNothing").warnings?.count == 1)
        // Omitted where there is none.
        #expect(try Self.result("supply").warnings == nil)
        #expect(json.components(separatedBy: "\"warnings\"").count == 2)
    }

    @Test func sarifListsEachWarningAsASanityResult() throws {
        let log = try SarifTests.log(try Self.document())
        #expect(
            try schemaViolation(
                of: try SARIFReport(paths: SarifTests.paths).render(try Self.document()),
                schema: try SarifTests.requireSchema())
                == nil)
        let sanity = SarifTests.results(log).filter { $0["ruleId"] as? String == "vigil.sanity" }
        #expect(sanity.count == 1)
        #expect(sanity.first?["level"] as? String == "warning")
        #expect(
            (sanity.first?["message"] as? [String: Any])?["text"] as? String
                == "Counter.bumpChecksNothing: its asserts hold whatever state its calls leave behind: the rule checks nothing the code does"
        )
        let runs = log["runs"] as? [[String: Any]]
        let driver = (runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        #expect(sanity.first?["ruleIndex"] as? Int == rules.firstIndex { $0["id"] as? String == "vigil.sanity" })
    }

    @Test func junitAndGitHubCarryTheWarnings() throws {
        let junit = JUnitReport().render(try Self.document())
        #expect(
            junit.contains(
                "<testcase name=\"bumpChecksNothing\" classname=\"Counter\"")
                && junit.contains(
                    "<system-out>  warning: its asserts hold whatever state its calls leave behind: the rule checks nothing the code does\n</system-out>"
                ))
        let github = GitHubReport(paths: SarifTests.paths).render(try Self.document())
        let warning = try #require(
            github.split(separator: "\n").first { $0.contains("title=Counter.bumpChecksNothing warning") })
        #expect(warning.hasPrefix("::warning file="))
        #expect(warning.contains("::Counter.bumpChecksNothing: its asserts hold whatever state"))
    }

    @Test func theHTMLPageShowsRuleInputsAndWarnings() throws {
        let page = HTMLReport(sources: [:]).render(try Self.document())
        #expect(page.contains("<li class=\"rule-start\">the rule starts with s = user2</li>"))
        #expect(
            page.contains(
                "<div class=\"warning\">warning: its asserts hold whatever state its calls leave behind: the rule checks nothing the code does</div>"
            ))
        #expect(page.contains("canReceive is satisfied at line 44"))
    }
}
