import VigilTrace
import VigilVerifier

/// A run's report as data (docs/LANGUAGE-REFERENCE.md, "Reports"): what `--format json` prints, what `vigil merge`
/// and `vigil replay` read back, and what every other format renders. Values are already
/// written in Vigil syntax, with addresses named. The schema is docs/report.schema.json,
/// versioned by `schemaVersion`.
public struct ReportDocument: Codable, Sendable, Equatable {
    /// The version of docs/report.schema.json this document follows.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var tool: Tool
    /// The source files of the run, as given (imports and specs found beside a `.sol` included).
    public var inputs: [String]
    /// Results in a canonical order: by file, line, column, contract and property.
    public var results: [ResultRecord]
    /// How many results have each verdict.
    public var summary: [String: Int]
    /// Each contract the run checked, with how many properties judge it (absent in reports
    /// written before coverage was recorded).
    public var contracts: [ContractRecord]?

    /// The tool that produced the report.
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public var solver: String
        public init(name: String = "vigil", version: String, solver: String) {
            self.name = name
            self.version = version
            self.solver = solver
        }
    }

    /// A report of `results` in canonical order, with its summary and the contracts checked.
    public init(tool: Tool, inputs: [String], results: [ResultRecord], contracts: [ContractRecord] = []) {
        schemaVersion = Self.currentSchemaVersion
        self.tool = tool
        self.inputs = inputs
        self.results = results.sorted(by: ResultRecord.precedes)
        summary = Dictionary(grouping: self.results, by: { $0.verdict.rawValue }).mapValues(\.count)
        self.contracts = contracts.sorted { ($0.file, $0.line, $0.name) < ($1.file, $1.line, $1.name) }
    }

    /// The verdicts of every result, for the exit status.
    public var verdicts: [Verdict] { results.map(\.verdict) }

    /// The contracts that nothing checks: no property, written or built in.
    public var uncheckedContracts: [ContractRecord] { (contracts ?? []).filter(\.checksNothing) }

    /// What the gate covered, in one line: `checked 2 contracts: 5 properties written, 3 built-in checks`.
    public var coverage: String? {
        guard let contracts, !contracts.isEmpty else { return nil }
        let written = contracts.map(\.propertiesWritten).reduce(0, +)
        let builtIn = contracts.map(\.builtInChecks).reduce(0, +)
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return "checked \(count(contracts.count, "contract", "contracts")): "
            + "\(count(written, "property", "properties")) written, "
            + "\(count(builtIn, "built-in check", "built-in checks"))"
    }
}

/// A contract the run checked: where it is declared, and how many properties judge it, written
/// (invariants, asserts, ensures, rules) and built in (`--checks`). One with none is reported
/// with a warning in every format, so a gate never turns green on a contract nothing checked.
public struct ContractRecord: Codable, Sendable, Equatable {
    public var name: String
    public var file: String
    public var line: Int
    public var column: Int
    public var propertiesWritten: Int
    public var builtInChecks: Int

    enum CodingKeys: String, CodingKey {
        case name, file, line, column
        case propertiesWritten = "properties_written"
        case builtInChecks = "built_in_checks"
    }

    public init(name: String, file: String, line: Int, column: Int, propertiesWritten: Int, builtInChecks: Int) {
        self.name = name
        self.file = file
        self.line = line
        self.column = column
        self.propertiesWritten = propertiesWritten
        self.builtInChecks = builtInChecks
    }

    /// True when no property judges the contract.
    public var checksNothing: Bool { propertiesWritten + builtInChecks == 0 }

    /// The warning about a contract nothing checks.
    public var warning: String {
        "nothing checks '\(name)': it has no property, written or built in (write an invariant, an assert "
            + "or a rule, or see --checks)"
    }
}

/// One property's result in a report.
public struct ResultRecord: Codable, Sendable, Equatable {
    /// The file where the property is written.
    public var file: String
    public var contract: String
    /// The file that declares the contract: the lines of the trace's steps are in it.
    public var contractFile: String
    public var property: String
    public var kind: PropertyKind
    public var verdict: Verdict
    /// Where the property starts: 1-based line and column (columns count bytes).
    public var line: Int
    public var column: Int
    /// Where it ends: the position just after its last character.
    public var endLine: Int
    public var endColumn: Int
    public var bounds: BoundsRecord
    /// What the result rests on: bounds, `trusted` addresses, loop cuts, abstractions.
    public var assumptions: [String]
    /// Why the verdict is `unknown` (or what a `vacuous` found).
    public var reason: String?
    public var timeMilliseconds: Int
    /// True when the result was read from the cache (`--cache`) instead of being checked again.
    public var cached: Bool?
    /// Ether the contract held before its constructor, when the trace starts with some.
    public var initialBalance: String?
    /// The replayed counterexample (or witness).
    public var trace: [StepRecord]?
    /// For a rule's trace: the rule's parameters and the locals it leaves to the environment,
    /// with their values, in declaration order (absent when it has none). Part of the trace, not
    /// of the failure: a replay that no longer fails still starts the rule with them.
    public var ruleInputs: [NamedText]?
    public var failure: FailureRecord?
    /// The choices that produced the trace, for `vigil replay`.
    public var schedule: ScheduleRecord?
    /// What the sanity checks found about the property (absent when nothing).
    public var warnings: [String]?
    /// For `proved`: the inductive invariant behind the proof, over the contract's names.
    public var invariant: String?

    enum CodingKeys: String, CodingKey {
        case file, contract, property, kind, verdict, line, column, bounds, assumptions, reason, cached, trace
        case failure, schedule, warnings, invariant
        case contractFile = "contract_file"
        case initialBalance = "initial_balance"
        case ruleInputs = "rule_inputs"
        case endLine = "end_line"
        case endColumn = "end_column"
        case timeMilliseconds = "time_ms"
    }

    /// The property's identity.
    public var id: PropertyID { PropertyID(contract: contract, name: property) }

    /// `Contract.property`, as the text report shows it.
    public var qualifiedName: String { id.description }

    /// The canonical order of results: by file, line, column, contract and property.
    static func precedes(_ a: ResultRecord, _ b: ResultRecord) -> Bool {
        (a.file, a.line, a.column, a.contract, a.property) < (b.file, b.line, b.column, b.contract, b.property)
    }
}

/// The bounds a result was checked with.
public struct BoundsRecord: Codable, Sendable, Equatable {
    public var depth: Int
    public var reentrancy: Int
    public var reentrantCalls: Int
    public var loops: Int

    enum CodingKeys: String, CodingKey {
        case depth, reentrancy, loops
        case reentrantCalls = "reentrant_calls"
    }

    public init(_ b: Bounds) {
        depth = b.depth
        reentrancy = b.reentrancy
        reentrantCalls = b.reentrantCalls
        loops = b.loops
    }

    /// `depth 4, reentrancy 2, reentrant calls 2, loops 4`
    public var description: String {
        "depth \(depth), reentrancy \(reentrancy), reentrant calls \(reentrantCalls), loops \(loops)"
    }
}

/// Where and how the property failed, with the values of its parts.
public struct FailureRecord: Codable, Sendable, Equatable {
    /// The line, in the property's file, where the property failed.
    public var line: Int
    /// Sub-expressions of the property with their values, in order.
    public var parts: [NamedText]
    /// Ether forced in after the last step that is not a rule's, when there was some.
    public var forcedEther: String?

    enum CodingKeys: String, CodingKey {
        case line, parts
        case forcedEther = "forced_ether"
    }
}

/// A name with a value written in Vigil syntax.
public struct NamedText: Codable, Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One call of the contract in a trace.
public struct StepRecord: Codable, Sendable, Equatable {
    public var kind: StepKind
    public var function: String
    public var args: [NamedText]
    public var sender: String
    public var value: String
    public var forcedEther: String
    /// The block of a top-level step (`timestamp`, `number`).
    public var block: BlockRecord?
    /// The line of the function's declaration, in the contract's file.
    public var line: Int
    public var calls: [CallRecord]
    /// What changed, in order: state variables as declared, then `balance`.
    public var state: [ChangeRecord]
    /// The events the step emitted, in order; nil when it emitted none.
    public var events: [EmittedEvent]?
    public var reverted: String?
    public var returned: String?
    public var ruleCall: Bool

    enum CodingKeys: String, CodingKey {
        case kind, function, args, sender, value, block, line, calls, state, events, reverted, returned
        case forcedEther = "forced_ether"
        case ruleCall = "rule_call"
    }
}

extension StepRecord {
    /// The events emitted after exactly `calls` of the step's handovers (before the next one).
    public func events(afterCalls calls: Int) -> [EmittedEvent] {
        (events ?? []).filter { $0.callsBefore == calls }
    }
}

/// An event a step emitted: `Withdrawn(to: attacker, amount: 1)`.
public struct EmittedEvent: Codable, Sendable, Equatable {
    public var name: String
    public var args: [NamedText]
    /// The line of the `emit` statement.
    public var line: Int
    /// How many of the step's external calls came before it.
    public var callsBefore: Int

    enum CodingKeys: String, CodingKey {
        case name, args, line
        case callsBefore = "calls_before"
    }
}

/// The block a transaction runs in.
public struct BlockRecord: Codable, Sendable, Equatable {
    public var timestamp: String
    public var number: String
}

/// A state location whose value changed in a step.
public struct ChangeRecord: Codable, Sendable, Equatable {
    public var path: String
    public var old: String
    public var new: String
}

/// An external interaction of a step: a handover and the re-entrant calls under it.
public struct CallRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var target: String
    public var value: String
    public var line: Int
    public var forcedEther: String
    public var calls: [StepRecord]
    public var outcome: String
    /// True for what cannot call back (a `view` call, a balance read); absent otherwise.
    public var readOnly: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, target, value, line, calls, outcome
        case forcedEther = "forced_ether"
        case readOnly = "read_only"
    }

    /// What the interaction does, in words: a `transfer` or `send` only sends ether (its
    /// recipient cannot call back), a `view` call or a balance read only reads, a call that
    /// cannot send its value does not happen, a `delegatecall` to the contract itself runs its
    /// own code, any other call hands over control.
    public var effect: String {
        if kind == "delegatecall" { return "runs this contract's code (no handover)" }
        if readOnly == true { return "reads (no call back)" }
        // The interpreter's outcome of a call that could not send its value: nothing ran.
        if outcome.hasSuffix("(value exceeds balance)") { return "cannot send that much (no call)" }
        return kind == "transfer" || kind == "send" ? "sends ether (no call back)" : "hands over control"
    }
}
