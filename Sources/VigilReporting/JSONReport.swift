import BigInt
import Foundation
import VigilBasics
import VigilLowering
import VigilTrace
import VigilVerifier

/// The machine-readable report (LANGUAGE.md §10), versioned by `schemaVersion`; the schema
/// is docs/report.schema.json. Keys are sorted so the same input gives the same bytes.
public struct JSONReport: Sendable {
    public static let schemaVersion = 1
    public let sources: SourceManager
    public let toolVersion: String
    public let solverName: String

    public init(sources: SourceManager, toolVersion: String, solverName: String) {
        self.sources = sources
        self.toolVersion = toolVersion
        self.solverName = solverName
    }

    struct Report: Encodable {
        let schemaVersion: Int
        let tool: Tool
        let results: [Result]
        let summary: [String: Int]
    }
    struct Tool: Encodable {
        let name: String
        let version: String
        let solver: String
    }
    struct Bounds: Encodable {
        let depth: Int
        let reentrancy: Int
        let reentrant_calls: Int
        let loops: Int
    }
    struct Result: Encodable {
        let file: String
        let contract: String
        let property: String
        let kind: String
        let verdict: String
        let line: Int
        let column: Int
        let bounds: Bounds
        let assumptions: [String]
        let reason: String?
        let time_ms: Int
        let trace: [Step]?
        let failure: Failure?
    }
    struct Failure: Encodable {
        let line: Int
        let parts: [String: String]
        let forced_ether: String?
    }
    struct Step: Encodable {
        let kind: String
        let function: String
        let args: [String: String]
        let sender: String
        let value: String
        let forced_ether: String
        let block: [String: String]?
        let line: Int
        let calls: [Call]
        let state: [String: [String: String]]
        let reverted: String?
        let returned: String?
        let rule_call: Bool
    }
    struct Call: Encodable {
        let kind: String
        let target: String
        let value: String
        let line: Int
        let forced_ether: String
        let calls: [Step]
        let outcome: String
    }

    /// The report as UTF-8 JSON text, ending with a newline.
    public func render(_ results: [PropertyResult]) -> String {
        let report = Report(
            schemaVersion: Self.schemaVersion,
            tool: Tool(name: "vigil", version: toolVersion, solver: solverName),
            results: results.map(result),
            summary: Dictionary(grouping: results, by: { $0.verdict.rawValue }).mapValues(\.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func result(_ r: PropertyResult) -> Result {
        let lc = sources.start(of: r.range)
        let names = r.trace.map { AddressNames(trace: $0) }
        return Result(
            file: sources[r.range.file].path, contract: r.contract, property: r.property.name,
            kind: r.property.kind.rawValue, verdict: r.verdict.rawValue, line: lc.line, column: lc.column,
            bounds: Bounds(
                depth: r.bounds.depth, reentrancy: r.bounds.reentrancy, reentrant_calls: r.bounds.reentrantCalls,
                loops: r.bounds.loops),
            assumptions: r.assumptions, reason: r.reason, time_ms: r.timeMilliseconds,
            trace: r.trace.map { t in t.steps.map { step($0, names!) } },
            failure: r.trace.map { t in
                Failure(
                    line: t.failureLine,
                    parts: Dictionary(
                        t.parts.map { ($0.name, names!.format($0.value)) }, uniquingKeysWith: { a, _ in a }),
                    forced_ether: t.finalForcedEther > 0 ? t.finalForcedEther.description : nil)
            })
    }

    private func step(_ s: TraceStep, _ names: AddressNames) -> Step {
        Step(
            kind: s.kind.rawValue, function: s.function,
            args: Dictionary(s.arguments.map { ($0.name, names.format($0.value)) }, uniquingKeysWith: { a, _ in a }),
            sender: names.format(s.sender), value: s.value.description, forced_ether: s.forcedEther.description,
            block: s.timestamp.map { ["timestamp": $0.description, "number": (s.blockNumber ?? 0).description] },
            line: s.line,
            calls: s.externalCalls.map { c in
                Call(
                    kind: c.kind, target: names.format(c.target), value: c.value.description, line: c.line,
                    forced_ether: c.forcedEther.description, calls: c.calls.map { step($0, names) },
                    outcome: c.outcome)
            },
            state: Dictionary(
                s.changes.map { (names.format($0.path), ["old": names.format($0.old), "new": names.format($0.new)]) },
                uniquingKeysWith: { a, _ in a }),
            reverted: s.revertReason, returned: s.returned.map { names.format($0) }, rule_call: s.isRuleCall)
    }
}
