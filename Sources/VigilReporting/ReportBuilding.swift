import BigInt
import VigilBasics
import VigilSema
import VigilTrace
import VigilVerifier

// MARK: - From checked results to the report's records

extension ReportDocument {
    /// The report of `results`, checked on `model`'s sources.
    public init(
        results: [PropertyResult], model: SemanticModel, tool: Tool, checks: Set<CodeCheck> = CheckOptions().checks
    ) {
        self.init(
            tool: tool, inputs: model.sources.files.map(\.path), results: ResultRecord.records(results, model: model),
            contracts: ContractRecord.records(model: model, checks: checks))
    }
}

extension ContractRecord {
    /// The contracts of `model`, with the properties declared in each (rules once) and the
    /// built-in checks of the kinds `checks` names.
    public static func records(model: SemanticModel, checks: Set<CodeCheck>) -> [ContractRecord] {
        model.contracts.map { c in
            let asserts = c.asserts.filter { checks.contains(CodeCheck($0)) }
            let at = model.sources.start(of: c.decl.name.range)
            return ContractRecord(
                name: c.name, file: model.sources[c.decl.range.file].path, line: at.line, column: at.column,
                propertiesWritten: c.invariants.count + c.ensures.count + c.rules.count
                    + asserts.filter { $0.builtIn == nil }.count,
                builtInChecks: asserts.filter { $0.builtIn != nil }.count)
        }
    }
}

extension ResultRecord {
    /// The records of results checked on `model`.
    public static func records(_ results: [PropertyResult], model: SemanticModel) -> [ResultRecord] {
        results.map { r in
            let declaration = model.contract(named: r.contract)?.decl.range.file ?? r.range.file
            return ResultRecord(r, sources: model.sources, contractFile: model.sources[declaration].path)
        }
    }

    /// The record of one result; `contractFile` is the path of the file that declares its contract.
    public init(_ r: PropertyResult, sources: SourceManager, contractFile: String) {
        let file = sources[r.range.file]
        let start = file.lines.location(of: r.range.start)
        let end = file.lines.location(of: r.range.end)
        self.init(
            file: file.path, contract: r.contract, contractFile: contractFile, property: r.property.name,
            kind: r.property.kind, verdict: r.verdict, line: start.line, column: start.column, endLine: end.line,
            endColumn: end.column, bounds: BoundsRecord(r.bounds), assumptions: r.assumptions, reason: r.reason,
            timeMilliseconds: r.timeMilliseconds, cached: nil, initialBalance: nil, trace: nil, ruleInputs: nil,
            failure: nil,
            schedule: r.schedule.map(ScheduleRecord.init), warnings: r.warnings.isEmpty ? nil : r.warnings,
            invariant: r.certificate)
        if let trace = r.trace { setTrace(trace, failed: true) }
    }

    /// Shows `trace` as this result's trace; with `failed` false, the trace ran to its end
    /// without the property failing, and the record keeps no failure.
    public mutating func setTrace(_ trace: Trace, failed: Bool) {
        let names = AddressNames(trace: trace)
        initialBalance = trace.initialBalance > 0 ? trace.initialBalance.description : nil
        self.trace = trace.steps.map { StepRecord($0, names: names) }
        ruleInputs = trace.ruleInputs.isEmpty ? nil : NamedText.list(trace.ruleInputs, names: names)
        failure = failed ? FailureRecord(trace, names: names) : nil
    }
}

extension FailureRecord {
    /// Where the trace's property failed, with its parts' values.
    public init(_ trace: Trace, names: AddressNames) {
        self.init(
            line: trace.failureLine, parts: NamedText.list(trace.parts, names: names),
            forcedEther: trace.finalForcedEther > 0 ? trace.finalForcedEther.description : nil)
    }
}

extension NamedText {
    /// The values written in Vigil syntax, addresses named by `names`.
    static func list(_ values: [NamedValue], names: AddressNames) -> [NamedText] {
        values.map { NamedText(name: $0.name, value: names.format($0.value)) }
    }
}

extension StepRecord {
    /// A replayed step, with values in Vigil syntax and addresses named by `names`.
    public init(_ s: TraceStep, names: AddressNames) {
        self.init(
            kind: s.kind, function: s.function,
            args: NamedText.list(s.arguments, names: names),
            sender: names.format(s.sender), value: s.value.description, forcedEther: s.forcedEther.description,
            block: s.timestamp.map { BlockRecord(timestamp: $0.description, number: (s.blockNumber ?? 0).description) },
            line: s.line,
            calls: s.externalCalls.map { c in
                CallRecord(
                    kind: c.kind, target: names.format(c.target), value: c.value.description, line: c.line,
                    forcedEther: c.forcedEther.description, calls: c.calls.map { StepRecord($0, names: names) },
                    outcome: c.outcome, readOnly: c.handsOverControl ? nil : true)
            },
            state: s.changes.map {
                ChangeRecord(path: names.format($0.path), old: names.format($0.old), new: names.format($0.new))
            },
            events: s.events.isEmpty
                ? nil
                : s.events.map {
                    EmittedEvent(
                        name: $0.name, args: NamedText.list($0.arguments, names: names), line: $0.line,
                        callsBefore: $0.callsBefore)
                },
            reverted: s.revertReason, returned: s.returned.map { names.format($0) }, ruleCall: s.isRuleCall)
    }
}
