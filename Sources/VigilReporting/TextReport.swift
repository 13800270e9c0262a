import VigilVerifier

/// Renders a report as text for a terminal: one line per result, each counterexample under
/// its result as a call tree, and a summary line.
public struct TextReport: Sendable {
    /// Leave out safe results without warnings: only what needs attention and the summary.
    public var quiet: Bool
    /// Add each result's assumptions and time.
    public var verbose: Bool
    /// Print the inductive invariant behind each `proved`.
    public var showInvariants: Bool

    public init(quiet: Bool = false, verbose: Bool = false, showInvariants: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
        self.showInvariants = showInvariants
    }

    /// The whole report.
    public func render(_ document: ReportDocument) -> String {
        var out = ""
        for r in document.results where !(quiet && r.needsNoAttention) {
            out += headline(r) + "\n" + renderWarnings(r)
            if showInvariants, let invariant = r.invariant { out += "  inductive invariant: \(invariant)\n" }
            if verbose {
                for a in r.assumptions { out += "  assumes \(a)\n" }
                out += "  checked in \(r.timeMilliseconds) ms\n"
            }
            out += renderTrace(r)
        }
        for c in document.uncheckedContracts { out += "\(c.file):\(c.line):\(c.column): warning: \(c.warning)\n" }
        if let coverage = document.coverage { out += coverage + "\n" }
        return out + Self.summaryLine(document) + "\n"
    }

    /// The last line of a report: the count of each verdict, and a word when nothing at all was checked.
    public static func summaryLine(_ document: ReportDocument) -> String {
        summary(document.verdicts) + (document.results.isEmpty ? " (no property was checked)" : "")
    }

    /// `path:line:col: Contract.property: verdict`, with the bounds of a `holds`, the bounds (unless
    /// proved, with an invariant behind it) and reason of an `unsatisfiable`, the reason of an
    /// `unknown` or `vacuous`, and `(cached)` for a result read from the cache.
    public func headline(_ r: ResultRecord) -> String {
        var out = "\(r.file):\(r.line):\(r.column): \(r.qualifiedName): \(r.verdict.rawValue)"
        switch r.verdict {
        case .holds: out += " (\(r.bounds.description))"
        case .unsatisfiable:
            if r.invariant == nil { out += " (\(r.bounds.description))" }
            if let reason = r.reason { out += ": \(reason)" }
        case .unknown, .vacuous: if let reason = r.reason { out += ": \(reason)" }
        default: break
        }
        if r.cached == true { out += " (cached)" }
        return out
    }

    /// A line `  warning: …` for each of the result's sanity warnings.
    public func renderWarnings(_ r: ResultRecord) -> String {
        (r.warnings ?? []).map { "  warning: \($0)\n" }.joined()
    }

    /// `3 proved, 1 violated, 0 unknown`: every verdict that occurs, and always violated and unknown.
    public static func summary(_ verdicts: [Verdict]) -> String {
        let counts = Verdict.allCases.map { v in (v, verdicts.filter { $0 == v }.count) }
        let shown = counts.filter { $0.1 > 0 || [.violated, .unknown].contains($0.0) }
        return shown.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    }

    /// A result's counterexample (or witness) as an indented call tree under `title` (by
    /// default `counterexample:` or `witness:`); empty without a trace. A rule's own calls
    /// follow the line that starts it, with its inputs.
    public func renderTrace(_ r: ResultRecord, title: String? = nil) -> String {
        guard let steps = r.trace else { return "" }
        var out = "  " + (title ?? (r.verdict == .satisfied ? "witness:" : "counterexample:")) + "\n"
        if let ether = r.initialBalance { out += "    ether before deployment: \(ether)\n" }
        for step in steps where !step.ruleCall { out += renderStep(step, indent: "    ") }
        if let ether = r.failure?.forcedEther { out += "    ether forced in: \(ether)\n" }
        if let start = r.ruleStart {
            out += "    \(start)\n"
            for step in steps where step.ruleCall { out += renderStep(step, indent: "    ") }
        }
        guard let failure = r.failure else { return out }
        out +=
            r.verdict == .satisfied
            ? "    satisfied at line \(failure.line)" : "    property fails at line \(failure.line)"
        if !failure.parts.isEmpty {
            out += " with " + failure.parts.map(\.summary).joined(separator: ", ")
        }
        return out + "\n"
    }

    /// One step and everything under it, each line starting with `indent`.
    public func renderStep(_ step: StepRecord, indent: String) -> String {
        var out = ""
        if step.forcedEther != "0" { out += "\(indent)ether forced in: \(step.forcedEther)\n" }
        out += indent + step.summary + "  (line \(step.line))\n"
        func emitted(before calls: Int) -> String {
            step.events(afterCalls: calls).map { "\(indent)  emits \($0.summary)  (line \($0.line))\n" }.joined()
        }
        for (i, call) in step.calls.enumerated() {
            out += emitted(before: i)
            out += "\(indent)  \(call.summary) (line \(call.line)): \(call.effect)\n"
            if call.forcedEther != "0" { out += "\(indent)    ether forced in: \(call.forcedEther)\n" }
            for inner in call.calls { out += renderStep(inner, indent: indent + "    ") }
            let returned = call.outcome.hasPrefix("returned") || call.outcome.hasPrefix("reverted")
            out += "\(indent)    \(returned ? call.outcome : "returns \(call.outcome)")\n"
        }
        out += emitted(before: step.calls.count)
        if let reason = step.reverted {
            out += "\(indent)  reverts: \(reason)\n"
        } else {
            if let r = step.returned { out += "\(indent)  returns \(r)\n" }
            for change in step.state { out += "\(indent)  \(change.summary)\n" }
        }
        return out
    }
}

extension ResultRecord {
    /// True for results that need no one's attention: `proved`, `holds`, `satisfied` without warnings.
    public var needsNoAttention: Bool { (verdict.isSafe || verdict == .satisfied) && (warnings ?? []).isEmpty }

    /// `the rule starts with a = 1, b = user2`: where a rule's own calls begin in the trace,
    /// with the rule's inputs; nil for a trace that has neither.
    public var ruleStart: String? {
        let inputs = ruleInputs ?? []
        guard (trace ?? []).contains(where: \.ruleCall) || !inputs.isEmpty else { return nil }
        return "the rule starts" + (inputs.isEmpty ? "" : " with " + inputs.map(\.summary).joined(separator: ", "))
    }
}

extension StepRecord {
    /// `[rule] re-enters withdraw(amount: 1) from attacker value 2 at time 0, block 0`
    public var summary: String {
        var line = ruleCall ? "[rule] " : ""
        switch kind {
        case .constructor: line += "deploy "
        case .transaction: break
        case .reentrantCall: line += "re-enters "
        case .delegatedCall: line += "runs "
        }
        // An overload's key `f(address,uint256)` shows as `f`: its argument names tell which.
        let name = function.split(separator: "(", maxSplits: 1).first.map(String.init) ?? function
        line += "\(name)(\(args.map { "\($0.name): \($0.value)" }.joined(separator: ", "))) from \(sender)"
        if value != "0" { line += " value \(value)" }
        if let block, kind == .constructor || kind == .transaction {
            line += " at time \(block.timestamp), block \(block.number)"
        }
        return line
    }
}

extension CallRecord {
    /// `call to attacker value 1`; a read of another account: `balance of user1`, `code.length of this`.
    public var summary: String {
        if readOnly == true, kind == "balance" || kind == "code.length" { return "\(kind) of \(target)" }
        return "\(kind) to \(target)" + (value != "0" ? " value \(value)" : "")
    }
}

extension NamedText {
    /// `amount = 1`
    public var summary: String { "\(name) = \(value)" }
}

extension EmittedEvent {
    /// `Withdrawn(to: attacker, amount: 1)`
    public var summary: String { "\(name)(\(args.map { "\($0.name): \($0.value)" }.joined(separator: ", ")))" }
}

extension ChangeRecord {
    /// `balances[user1]: 0 → 1`
    public var summary: String { "\(path): \(old) → \(new)" }
}
