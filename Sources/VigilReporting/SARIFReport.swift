import Foundation
import VigilTrace
import VigilVerifier

/// The report as SARIF 2.1.0 (for GitHub code scanning and other static-analysis viewers):
/// a rule per property kind, a result per property that is violated, unknown, vacuous or
/// unsatisfiable, located at the property, and each counterexample as a code flow whose
/// locations are the trace's steps, re-entrant calls nested one level deeper per handover.
/// Safe results (`proved`, `holds`, `satisfied`) are not listed. Each sanity warning of a
/// result, whatever its verdict, is a result of its own (rule `vigil.sanity`, level `warning`)
/// at the property. Keys are sorted: the same report gives the same bytes.
public struct SARIFReport: Sendable {
    public let paths: ReportPaths

    public init(paths: ReportPaths) { self.paths = paths }

    /// The SARIF log as JSON text, ending with a newline.
    public func render(_ document: ReportDocument) throws -> String {
        let kinds = Self.rules.map(\.kind)
        var results: [Result] = []
        for r in document.results {
            // Built-in checks are listed even when safe (as notes): the gate shows what it checked.
            if Self.level(of: r.verdict) != nil || [.panic, .unchecked].contains(r.kind) {
                results.append(result(r, ruleIndex: kinds.firstIndex(of: r.kind) ?? 0))
            }
            results += (r.warnings ?? []).map { sanityResult(r, warning: $0) }
        }
        results += document.uncheckedContracts.map(nothingChecked)
        let run = Run(
            tool: Tool(
                driver: Driver(
                    name: "Vigil", version: document.tool.version,
                    rules: Self.rules.map(\.descriptor) + [Self.sanityRule, Self.nothingCheckedRule])),
            originalUriBaseIds: ["SRCROOT": ArtifactLocation(uri: paths.baseURI, uriBaseId: nil)],
            columnKind: "unicodeCodePoints", results: results)
        return try JSONReport.encode(
            Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run]))
    }

    /// `error` for a violation, `warning` for what may hide one, nil for results not listed.
    public static func level(of verdict: Verdict) -> String? {
        switch verdict {
        case .violated: "error"
        case .unknown, .vacuous, .unsatisfiable: "warning"
        case .proved, .holds, .satisfied: nil
        }
    }

    static let rules: [(kind: PropertyKind, descriptor: Rule)] = [
        (
            .invariant,
            Rule(
                id: "vigil.invariant", name: "InvariantViolated",
                summary: "A contract invariant fails in some committed state.",
                full:
                    "An invariant must hold after the constructor, after every successful transaction and after ether is forced in. The result's code flow is a sequence of transactions, with re-entrant calls nested under the handover that allowed them, that breaks it."
            )
        ),
        (
            .assertion,
            Rule(
                id: "vigil.assert", name: "AssertionFails",
                summary: "An in-code assert fails on some execution.",
                full:
                    "An assert is a property: it must hold whenever an execution reaches it, in any frame, re-entrant ones included."
            )
        ),
        (
            .ensures,
            Rule(
                id: "vigil.ensures", name: "PostconditionFails",
                summary: "A function's ensures clause fails when it returns.",
                full:
                    "An ensures clause must hold whenever its function returns successfully from an external entry, top-level or re-entrant."
            )
        ),
        (
            .panic,
            Rule(
                id: "vigil.panic", name: "PanicReachable",
                summary: "A built-in check: a division or modulo by zero can happen.",
                full:
                    "Solidity panics (and the transaction reverts) on a division or modulo by zero, a bug rather than a rejected input. The built-in check is violated when some execution divides by zero there; a safe result is a note."
            )
        ),
        (
            .unchecked,
            Rule(
                id: "vigil.unchecked", name: "UncheckedWraps",
                summary: "A built-in check (on request): an unchecked step wraps around.",
                full:
                    "Inside `unchecked`, an addition, subtraction or multiplication that leaves its type wraps around silently. The check is violated when some execution wraps there; a safe result is a note."
            )
        ),
        (
            .rule,
            Rule(
                id: "vigil.rule", name: "RuleFails",
                summary: "A rule's assert fails, or its satisfy cannot be met.",
                full:
                    "A rule is a scenario of calls from any reachable state: its asserts must hold on every path, and a satisfy must hold on at least one."
            )
        ),
    ]

    /// The rule of sanity warnings, listed after those of `rules`.
    static let nothingCheckedRule = Rule(
        id: "vigil.nothing-checked", name: "NothingChecked",
        summary: "A contract that no property checks, written or built in.",
        full:
            "The run checked this contract against nothing: it has no invariant, assert, ensures or rule, and no built-in check of the kinds asked for. A gate that passes says nothing about it."
    )

    static let sanityRule = Rule(
        id: "vigil.sanity", name: "SanityWarning",
        summary: "A property passes for a reason that makes it check less than it seems.",
        full:
            "A sanity check found that the property's result says little about the code: for example, a rule whose asserts hold whatever state its calls leave behind."
    )

    // MARK: - Results

    private func result(_ r: ResultRecord, ruleIndex: Int) -> Result {
        var text = "\(r.qualifiedName): \(r.verdict.rawValue)"
        if let reason = r.reason { text += ": \(reason)" }
        if r.verdict != .vacuous { text += " (\(r.bounds.description))" }
        return Result(
            ruleId: Self.rules[ruleIndex].descriptor.id, ruleIndex: ruleIndex,
            level: Self.level(of: r.verdict) ?? ([.panic, .unchecked].contains(r.kind) ? "note" : "none"),
            message: Message(text: text),
            locations: [propertyLocation(r)],
            partialFingerprints: ["vigilProperty/v1": r.id.fingerprint],
            codeFlows: r.trace.map { steps in [codeFlow(r, steps)] },
            properties: properties(r))
    }

    private func properties(_ r: ResultRecord) -> Properties {
        Properties(
            contract: r.contract, property: r.property, verdict: r.verdict.rawValue, bounds: r.bounds,
            assumptions: r.assumptions, cached: r.cached)
    }

    /// The warning about a contract nothing checks, at its name.
    private func nothingChecked(_ c: ContractRecord) -> Result {
        Result(
            ruleId: Self.nothingCheckedRule.id, ruleIndex: Self.rules.count + 1, level: "warning",
            message: Message(text: c.warning),
            locations: [
                Location(
                    physicalLocation: physical(c.file, Region(startLine: c.line, startColumn: c.column)), message: nil)
            ],
            partialFingerprints: ["vigilContract/v1": c.name], codeFlows: nil, properties: nil)
    }

    /// One sanity warning of a result, at the property.
    private func sanityResult(_ r: ResultRecord, warning: String) -> Result {
        Result(
            ruleId: Self.sanityRule.id, ruleIndex: Self.rules.count, level: "warning",
            message: Message(text: "\(r.qualifiedName): \(warning)"), locations: [propertyLocation(r)],
            partialFingerprints: ["vigilSanity/v1": "\(r.id.fingerprint)/\(warning)"], codeFlows: nil,
            properties: properties(r))
    }

    private func propertyLocation(_ r: ResultRecord) -> Location {
        Location(
            physicalLocation: physical(
                r.file, Region(startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn)),
            message: nil)
    }

    private func codeFlow(_ r: ResultRecord, _ steps: [StepRecord]) -> CodeFlow {
        var locations: [ThreadFlowLocation] = []
        func add(_ file: String, _ line: Int, _ text: String, _ nesting: Int) {
            locations.append(
                ThreadFlowLocation(
                    location: Location(
                        physicalLocation: physical(file, line >= 1 ? Region(startLine: line) : nil),
                        message: Message(text: text)),
                    nestingLevel: nesting, executionOrder: locations.count + 1))
        }
        func visit(_ step: StepRecord, _ nesting: Int) {
            var text = step.summary
            if step.forcedEther != "0" { text = "ether forced in: \(step.forcedEther); " + text }
            if let reason = step.reverted {
                text += "; reverts: \(reason)"
            } else {
                if let value = step.returned { text += "; returns \(value)" }
                if !step.state.isEmpty { text += "; " + step.state.map(\.summary).joined(separator: ", ") }
            }
            add(r.contractFile, step.line, text, nesting)
            for call in step.calls {
                var handover = "\(call.summary): \(call.effect)"
                if call.forcedEther != "0" { handover += "; ether forced in: \(call.forcedEther)" }
                add(r.contractFile, call.line, handover, nesting + 1)
                for inner in call.calls { visit(inner, nesting + 2) }
                add(r.contractFile, call.line, "\(call.kind) returns \(call.outcome)", nesting + 1)
            }
        }
        for step in steps { visit(step, 0) }
        if let failure = r.failure {
            var text = "\(r.property) \(r.verdict == .satisfied ? "is satisfied" : "fails")"
            if !failure.parts.isEmpty {
                text += ": " + failure.parts.map(\.summary).joined(separator: ", ")
            }
            add(r.file, failure.line, text, 0)
        }
        return CodeFlow(
            message: Message(text: "counterexample for \(r.qualifiedName)"),
            threadFlows: [ThreadFlow(locations: locations)])
    }

    private func physical(_ file: String, _ region: Region?) -> PhysicalLocation {
        let (uri, isRelative) = paths.uri(file)
        return PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uri, uriBaseId: isRelative ? "SRCROOT" : nil), region: region)
    }

    // MARK: - The SARIF objects used

    struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }
    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]
        let columnKind: String
        let results: [Result]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let defaultConfiguration: Configuration
        init(id: String, name: String, summary: String, full: String) {
            self.id = id
            self.name = name
            shortDescription = Message(text: summary)
            fullDescription = Message(text: full)
            defaultConfiguration = Configuration(level: "error")
        }
    }
    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let codeFlows: [CodeFlow]?
        let properties: Properties?
    }
    struct Properties: Encodable {
        let contract: String
        let property: String
        let verdict: String
        let bounds: BoundsRecord
        let assumptions: [String]
        let cached: Bool?
    }
    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let message: Message?
    }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }
    struct Region: Encodable {
        let startLine: Int
        var startColumn: Int? = nil
        var endLine: Int? = nil
        var endColumn: Int? = nil
    }
    struct CodeFlow: Encodable {
        let message: Message
        let threadFlows: [ThreadFlow]
    }
    struct ThreadFlow: Encodable { let locations: [ThreadFlowLocation] }
    struct ThreadFlowLocation: Encodable {
        let location: Location
        let nestingLevel: Int
        let executionOrder: Int
    }
}
