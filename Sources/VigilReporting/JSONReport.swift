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
        let reentrantCalls: Int
        let loops: Int
        enum CodingKeys: String, CodingKey {
            case depth, reentrancy, loops
            case reentrantCalls = "reentrant_calls"
        }
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
        let timeMilliseconds: Int
        let trace: [Step]?
        let failure: Failure?
        let warnings: [String]?
        enum CodingKeys: String, CodingKey {
            case file, contract, property, kind, verdict, line, column, bounds, assumptions, reason, trace, failure
            case warnings
            case timeMilliseconds = "time_ms"
        }
    }
    struct Failure: Encodable {
        let line: Int
        let parts: [String: String]
        let forcedEther: String?
        let ruleInputs: [String: String]?
        enum CodingKeys: String, CodingKey {
            case line, parts
            case forcedEther = "forced_ether"
            case ruleInputs = "rule_inputs"
        }
    }
    struct Step: Encodable {
        let kind: String
        let function: String
        let args: [String: String]
        let sender: String
        let value: String
        let forcedEther: String
        let block: [String: String]?
        let line: Int
        let calls: [Call]
        let state: [String: [String: String]]
        let reverted: String?
        let returned: String?
        let ruleCall: Bool
        enum CodingKeys: String, CodingKey {
            case kind, function, args, sender, value, block, line, calls, state, reverted, returned
            case forcedEther = "forced_ether"
            case ruleCall = "rule_call"
        }
    }
    struct Call: Encodable {
        let kind: String
        let target: String
        let value: String
        let line: Int
        let forcedEther: String
        let calls: [Step]
        let outcome: String
        enum CodingKeys: String, CodingKey {
            case kind, target, value, line, calls, outcome
            case forcedEther = "forced_ether"
        }
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
                depth: r.bounds.depth, reentrancy: r.bounds.reentrancy, reentrantCalls: r.bounds.reentrantCalls,
                loops: r.bounds.loops),
            assumptions: r.assumptions, reason: r.reason, timeMilliseconds: r.timeMilliseconds,
            trace: r.trace.map { t in t.steps.map { step($0, names!) } },
            failure: r.trace.map { t in
                Failure(
                    line: t.failureLine,
                    parts: Dictionary(
                        t.parts.map { ($0.name, names!.format($0.value)) }, uniquingKeysWith: { a, _ in a }),
                    forcedEther: t.finalForcedEther > 0 ? t.finalForcedEther.description : nil,
                    ruleInputs: t.ruleInputs.isEmpty
                        ? nil
                        : Dictionary(
                            t.ruleInputs.map { ($0.name, names!.format($0.value)) }, uniquingKeysWith: { a, _ in a }))
            }, warnings: r.warnings.isEmpty ? nil : r.warnings)
    }

    private func step(_ s: TraceStep, _ names: AddressNames) -> Step {
        Step(
            kind: s.kind.rawValue, function: s.function,
            args: Dictionary(s.arguments.map { ($0.name, names.format($0.value)) }, uniquingKeysWith: { a, _ in a }),
            sender: names.format(s.sender), value: s.value.description, forcedEther: s.forcedEther.description,
            block: s.timestamp.map { ["timestamp": $0.description, "number": (s.blockNumber ?? 0).description] },
            line: s.line,
            calls: s.externalCalls.map { c in
                Call(
                    kind: c.kind, target: names.format(c.target), value: c.value.description, line: c.line,
                    forcedEther: c.forcedEther.description, calls: c.calls.map { step($0, names) },
                    outcome: c.outcome)
            },
            state: Dictionary(
                s.changes.map { (names.format($0.path), ["old": names.format($0.old), "new": names.format($0.new)]) },
                uniquingKeysWith: { a, _ in a }),
            reverted: s.revertReason, returned: s.returned.map { names.format($0) }, ruleCall: s.isRuleCall)
    }
}
