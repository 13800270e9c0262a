import Foundation
import Testing
import VigilVerifier

@testable import VigilReporting

/// The JSON report: deterministic bytes, valid against docs/report.schema.json, and read back whole.
@Suite struct ReportTests {
    static let schema = repositoryRoot.appendingPathComponent("docs/report.schema.json")

    /// The report without its time fields, which are the only part allowed to vary.
    static func withoutTimes(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("\"time_ms\"") }.joined(separator: "\n")
    }

    static let files = [
        "examples/vault_reentrancy.vigil", "examples/vault.sol", "examples/forced_ether_equality.vigil",
    ]

    @Test func theSameInputGivesTheSameBytes() throws {
        let first = try JSONReport.render(try ReportFixtures.document(Self.files))
        let second = try JSONReport.render(try ReportFixtures.document(Self.files))
        #expect(Self.withoutTimes(first) == Self.withoutTimes(second))
        #expect(first.contains("\"verdict\" : \"violated\""))
    }

    @Test func reportsValidateAgainstTheSchema() throws {
        let reports = [
            try ReportFixtures.document(Self.files),
            try ReportFixtures.document(["examples/vault_fixed.vigil", "Tests/Examples/coverage_escrow.vigil"]),
            try ReportFixtures.everyVerdict(),
            // `call_failure` events: a failed call's data, as `catch Error`/`catch Panic` tell it.
            try ReportFixtures.document(["Tests/Regressions/catch_clauses.sol"]),
        ]
        for (i, report) in reports.enumerated() {
            let complaint = try schemaViolation(of: try JSONReport.render(report), schema: Self.schema)
            #expect(complaint == nil, "report \(i) does not validate:\n\(complaint ?? "")")
        }
    }

    @Test func theSchemaRejectsAReportThatBreaksIt() throws {
        let json = try JSONReport.render(try ReportFixtures.vaults.get())
        for (from, to) in [
            ("\"verdict\" : \"violated\"", "\"verdict\" : \"broken\""),
            ("\"schemaVersion\" : 2", "\"schemaVersion\" : 1"),
            ("\"final_forced_ether\" : \"0\"", "\"final_forced_ether\" : \"-1\""),
        ] {
            #expect(json.contains(from))
            let broken = json.replacingOccurrences(of: from, with: to)
            #expect(try schemaViolation(of: broken, schema: Self.schema) != nil, "accepted \(to)")
        }
    }

    @Test func aReportReadsBackAsTheSameDocument() throws {
        let document = try ReportFixtures.everyVerdict()
        let decoded = try JSONReport.decode(Data(try JSONReport.render(document).utf8))
        #expect(decoded == document)
        let violated = try #require(decoded.results.first { $0.verdict == .violated })
        let schedule = try #require(violated.schedule).schedule()
        #expect(schedule.transactions.count == violated.trace!.count - 1)
        #expect(violated.trace!.map(\.function) == ["constructor"] + schedule.transactions.map(\.call.function))
    }

    @Test func otherJSONIsRejectedWithAReason() {
        #expect(throws: ReportDecodingError.self) { try JSONReport.decode(Data("[1]".utf8)) }
        do {
            _ = try JSONReport.decode(Data("{\"schemaVersion\": 1, \"results\": []}".utf8))
            Issue.record("an old schema version was accepted")
        } catch {
            #expect(error.description.contains("schemaVersion 1"))
        }
    }

    @Test func resultsComeInSourceOrder() throws {
        let results = try ReportFixtures.vaults.get().results
        let keys = results.map { "\($0.file):\(String(format: "%06d", $0.line))" }
        #expect(keys == keys.sorted())
        #expect(Set(results.map(\.contract)) == ["Vault", "FixedVault", "SpecVault"])
    }
}

/// Emitted events in the text and HTML traces: in their place among the step's handovers.
@Suite struct EmittedEventReportTests {
    static let step = StepRecord(
        kind: .transaction, function: "refund", args: [], sender: "user1", value: "0", forcedEther: "0", block: nil,
        line: 10,
        calls: [
            CallRecord(
                kind: "send", target: "user2", value: "5", line: 13, forcedEther: "0", calls: [], outcome: "true")
        ],
        state: [ChangeRecord(path: "total", old: "5", new: "0")],
        events: [
            EmittedEvent(name: "Settled", args: [NamedText(name: "id", value: "0")], line: 12, callsBefore: 0),
            EmittedEvent(name: "Done", args: [], line: 14, callsBefore: 1),
        ],
        reverted: nil, returned: nil, ruleCall: false)

    @Test func eventsAppearBetweenTheHandoversTheyFollow() {
        let text = TextReport().renderStep(Self.step, indent: "")
        #expect(
            text == """
                refund() from user1  (line 10)
                  emits Settled(id: 0)  (line 12)
                  send to user2 value 5 (line 13): sends ether (no call back)
                    returns true
                  emits Done()  (line 14)
                  total: 5 → 0

                """)
    }
}

/// An interface call's outcome reads `returned 7` or `reverted`, not `returns returned 7`.
@Suite struct InterfaceCallReportTests {
    @Test func anInterfaceCallSaysWhatItReturned() {
        let step = StepRecord(
            kind: .transaction, function: "pay", args: [], sender: "user1", value: "0", forcedEther: "0", block: nil,
            line: 3,
            calls: [
                CallRecord(
                    kind: "IToken.transfer", target: "user2", value: "0", line: 4, forcedEther: "0", calls: [],
                    outcome: "returned 7"),
                CallRecord(
                    kind: "IToken.burn", target: "user2", value: "0", line: 5, forcedEther: "0", calls: [],
                    outcome: "reverted"),
            ],
            state: [], events: [], reverted: nil, returned: nil, ruleCall: false)
        #expect(
            TextReport().renderStep(step, indent: "") == """
                pay() from user1  (line 3)
                  IToken.transfer to user2 (line 4): hands over control
                    returned 7
                  IToken.burn to user2 (line 5): hands over control
                    reverted

                """)
    }
}

/// Same input, same bytes across processes: each process hashes with a seed of its own, so a
/// result that followed a dictionary's order would differ between them.
@Suite struct ProcessDeterminismTests {
    /// The `vigil` executable that `swift test` builds beside the test bundle.
    static var vigil: URL { vigilExecutable }

    func run(_ arguments: [String]) throws -> String { try runVigil(arguments) }

    @Test func separateProcessesReportTheSameBytes() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.vigil.path), "no vigil at \(Self.vigil.path)")
        let file = repositoryRoot.appendingPathComponent("examples/oracle_lending.vigil").path
        let reports = try (0..<4).map { _ in
            ReportTests.withoutTimes(try run(["check", file, "--engine", "bmc", "--format", "json"]))
        }
        #expect(reports[0].contains("\"verdict\" : \"violated\""))
        for report in reports.dropFirst() { #expect(report == reports[0]) }
    }
}
