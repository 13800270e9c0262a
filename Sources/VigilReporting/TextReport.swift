import BigInt
import VigilBasics
import VigilLowering
import VigilTrace
import VigilVerifier

/// Renders results and counterexamples as text for a terminal.
public struct TextReport: Sendable {
    public let sources: SourceManager
    public init(sources: SourceManager) { self.sources = sources }

    /// One line per result, each counterexample under its result, and a summary line.
    public func render(_ results: [PropertyResult]) -> String {
        var out = ""
        for r in results {
            out += "\(sources.describe(r.range)): \(r.contract).\(r.property.name): \(r.verdict.rawValue)"
            let bounds =
                " (depth \(r.bounds.depth), reentrancy \(r.bounds.reentrancy), reentrant calls \(r.bounds.reentrantCalls), loops \(r.bounds.loops))"
            switch r.verdict {
            case .holds:
                out += bounds
            case .unsatisfiable:
                out += bounds
                if let reason = r.reason { out += ": \(reason)" }
            case .unknown, .vacuous:
                if let reason = r.reason { out += ": \(reason)" }
            default:
                break
            }
            out += "\n"
            for warning in r.warnings { out += "  warning: \(warning)\n" }
            if let trace = r.trace { out += renderTrace(trace, file: r.range.file, isWitness: r.verdict == .satisfied) }
        }
        out += summary(results) + "\n"
        return out
    }

    /// `3 proved, 1 violated, 0 unknown`-style summary of a run.
    public func summary(_ results: [PropertyResult]) -> String {
        let counts = Verdict.allCases.map { v in (v, results.filter { $0.verdict == v }.count) }
        let shown = counts.filter { $0.1 > 0 || [.violated, .unknown].contains($0.0) }
        return shown.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    }

    /// A counterexample (or a satisfy-rule's witness): the steps as a call tree with state
    /// changes, then the property's parts. A rule's own calls follow the line that starts it.
    public func renderTrace(_ trace: Trace, file: FileID, isWitness: Bool = false) -> String {
        let names = AddressNames(trace: trace)
        var out = isWitness ? "  witness:\n" : "  counterexample:\n"
        if trace.initialBalance > 0 { out += "    ether before deployment: \(trace.initialBalance)\n" }
        let isRule = trace.steps.contains(where: \.isRuleCall) || !trace.ruleInputs.isEmpty
        for step in trace.steps.filter({ !$0.isRuleCall }) {
            out += renderStep(step, names: names, file: file, indent: "    ")
        }
        if trace.finalForcedEther > 0 { out += "    ether forced in: \(trace.finalForcedEther)\n" }
        if isRule {
            let inputs = trace.ruleInputs.map { "\($0.name) = \(names.format($0.value))" }
            out += "    the rule starts" + (inputs.isEmpty ? "" : " with " + inputs.joined(separator: ", ")) + "\n"
            for step in trace.steps.filter(\.isRuleCall) {
                out += renderStep(step, names: names, file: file, indent: "    ")
            }
        }
        out +=
            isWitness ? "    satisfied at line \(trace.failureLine)" : "    property fails at line \(trace.failureLine)"
        if !trace.parts.isEmpty {
            out += " with " + trace.parts.map { "\($0.name) = \(names.format($0.value))" }.joined(separator: ", ")
        }
        return out + "\n"
    }

    private func renderStep(_ step: TraceStep, names: AddressNames, file: FileID, indent: String) -> String {
        var out = ""
        if step.forcedEther > 0 { out += "\(indent)ether forced in: \(step.forcedEther)\n" }
        let args = step.arguments.map { "\($0.name): \(names.format($0.value))" }.joined(separator: ", ")
        var line = "\(indent)"
        if step.isRuleCall { line += "[rule] " }
        switch step.kind {
        case .constructor: line += "deploy "
        case .transaction: line += ""
        case .reentrantCall: line += "re-enters "
        }
        line += "\(step.function)(\(args)) from \(names.format(step.sender))"
        if step.value > 0 { line += " value \(step.value)" }
        if let t = step.timestamp, step.kind != .reentrantCall {
            line += " at time \(t), block \(step.blockNumber ?? 0)"
        }
        line += "  (line \(step.line))"
        out += line + "\n"
        for call in step.externalCalls {
            var c = "\(indent)  \(call.kind)"
            c += " to \(names.format(call.target))"
            if call.value > 0 { c += " value \(call.value)" }
            c += " (line \(call.line)): hands over control"
            out += c + "\n"
            if call.forcedEther > 0 { out += "\(indent)    ether forced in: \(call.forcedEther)\n" }
            for inner in call.calls { out += renderStep(inner, names: names, file: file, indent: indent + "    ") }
            out += "\(indent)    returns \(call.outcome)\n"
        }
        if let reason = step.revertReason {
            out += "\(indent)  reverts: \(reason)\n"
        } else {
            if let r = step.returned { out += "\(indent)  returns \(names.format(r))\n" }
            for change in step.changes {
                out +=
                    "\(indent)  \(names.format(change.path)): \(names.format(change.old)) → \(names.format(change.new))\n"
            }
        }
        return out
    }
}
