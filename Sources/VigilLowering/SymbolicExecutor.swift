import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

/// The most ether the contract can hold (docs/LANGUAGE-REFERENCE.md, "Meaning and the attacker"): a step that would pass it does not happen.
let balanceCap = BigInt(1) << 128
let addressLimit = BigInt(1) << 160

/// The values a call sees as its environment.
struct CallEnvironment {
    var sender: Term
    var value: Term
    var origin: Term
    var timestamp: Term
    var blockNumber: Term
    /// Nesting level: 0 for a transaction, 1 for a call during its handover, ...
    var level: Int
    /// `msg.sig`: the selector of the function the call runs (0 at deployment).
    var selector: Term = .int(0)
}

/// A local variable: a value, or a `storage` alias of a location in state.
enum LocalBinding {
    case value(SymbolicValue)
    case storage(variable: Int, path: [Accessor])
}

/// What a `return` and falling off the end of a body contribute.
struct BodyExits {
    var exits: [Term] = []
}

/// What `break` and `continue` contribute inside a loop.
struct LoopExits {
    var breaks: [Term] = []
    var continues: [Term] = []
}

/// How the executor treats what it cannot simply run through: the bounded encoding inlines each
/// handover's re-entrant calls and unrolls loops up to their bound; the Horn encoding records a
/// handover as an application of `Ext` and a loop as a relation of its own (`LoopSummary`).
enum ExecutionMode {
    case bounded
    case horn(HornRecorder)
}

/// What one query encodes into and from: the state, the path's locals and environment, the
/// frame's record, and the constraints, violations and reaches met so far. A query that runs
/// beside another (a rule's calls, a Horn clause) starts from a value of its own and the one it
/// interrupted is put back whole (`SymbolicExecutor.query`).
struct QueryState {
    var state: SymbolicState
    var constraints: [Term] = []
    var violations: [String: [Term]] = [:]
    var reaches: [String: [Term]] = [:]
    var locals: [NodeID: LocalBinding] = [:]
    var environment: CallEnvironment
    var record: FrameRecord? = nil
}

/// Symbolic execution of contract code: every statement updates the state under the path
/// condition `pc`, so branches merge at their join and one query covers every path.
final class SymbolicExecutor {
    let model: SemanticModel
    let contract: ContractInfo
    /// The built-in checks of the contract's code, by the arithmetic step they check.
    let builtInChecks: [NodeID: AssertInfo]
    let bounds: Bounds
    let layout: TypeLayout
    let entryPoints: [FunctionInfo]
    let thisAddress: Term
    /// `block.chainid`, one value for the run.
    let chainID = Term.constant("chainid", .int)

    /// Constraints for the solver: definitions of fresh values and environment assumptions.
    var constraints: [Term] = []
    var counter = 0
    var loopCuts: [LoopCut] = []
    /// At each call that hands over control, how many entry points may return there.
    var handoverCandidates: [SourceRange: HandoverCandidates] = [:]
    /// Violation conditions of `assert@…` and `ensures@…` properties met in the current transaction.
    var violations: [String: [Term]] = [:]
    /// Where `assert@…` properties are reached and functions with `ensures@…` return successfully.
    var reaches: [String: [Term]] = [:]
    /// True once an operation was over-approximated (a bitwise operation on two unknowns).
    var usedAbstraction = false
    /// True once the code handed control to an external account (outside the constructor).
    var handedOver = false
    /// Ether amounts and integer arguments chosen by the environment: a counterexample is
    /// easier to read when they are small.
    var amountChoices: [Term] = []
    /// Whether each handover slot makes its call: fewer re-entrant calls read better.
    var reentryChoices: [Term] = []
    /// Ether forced in by the environment: a trace without it reads better.
    var forcedEtherChoices: [Term] = []
    /// Known bounds of the integer terms built so far.
    var ranges = TermRanges()

    // The execution point.
    var state: SymbolicState
    var pc: Term = .true
    var frameReverted: Term = .false
    var environment: CallEnvironment
    var locals: [NodeID: LocalBinding] = [:]
    var bodyExits: [BodyExits] = []
    /// Where inline assembly ended the current call (`return`, `stop`), on the paths it did.
    var callExits: [Term] = []
    /// Set when assembly ends a call inside a loop the Horn encoding summarises, which it does
    /// not support yet.
    var endsCallInLoopSummary = false
    var loopExits: [LoopExits] = []
    /// For each body being run, the locals its `return` writes (its return variables).
    var returnSlots: [[NodeID]] = []
    /// What `_;` runs in each modifier being executed (innermost last).
    var placeholders: [() -> Void] = []
    var record: FrameRecord?
    /// Property evaluation: mathematical integers; failures (division by zero) collected here.
    var propertyFailures: [Term]? = nil
    var oldState: SymbolicState?
    var oldLocals: [NodeID: LocalBinding] = [:]
    var resultValue: SymbolicValue?
    /// Set while a rule's own statements run (not the code its calls run).
    var rule: RuleFrame?
    /// The call a `try` is running: its failure is caught (recorded in `triedSuccess`), not a revert.
    var tryCall: NodeID?
    var triedSuccess: Term?
    /// Whether the running `try` has `catch Error(...)`/`catch Panic(...)` clauses, which tell
    /// failures apart by their data (recorded in `triedFailure`).
    var tryClassifiesFailure = false
    var triedFailure: TriedFailure?
    /// How many `delegatecall`s to the contract itself are running (one is modelled exactly).
    var delegationDepth = 0
    /// The ghost sums of each state variable (`state.sums`), in a fixed order, and whether each
    /// sums an array (else a mapping).
    let summed: [Int: [(key: SumKey, isArray: Bool)]]
    /// Bounded (handovers inlined, loops unrolled) or Horn (relations instead).
    let mode: ExecutionMode

    /// The Horn encoding's recorder: nil in the bounded mode.
    var horn: HornRecorder? {
        if case .horn(let recorder) = mode { recorder } else { nil }
    }

    init(
        model: SemanticModel, contract: ContractInfo, bounds: Bounds, entryFilter: Set<String>?,
        mode: ExecutionMode = .bounded
    ) {
        self.mode = mode
        self.model = model
        self.contract = contract
        builtInChecks = Dictionary(
            contract.asserts.filter { $0.builtIn != nil }.map { ($0.call, $0) }, uniquingKeysWith: { a, _ in a })
        self.bounds = bounds
        self.layout = TypeLayout(structs: model.structs, bytesContents: model.bytesContents)
        self.entryPoints = contract.entryPoints.filter {
            entryFilter?.contains($0.name) ?? EntrySelection.matters($0, in: contract)
        }
        thisAddress = Term.constant("this", .int)
        var sums: [SumKey: Term] = [:]
        var summed: [Int: [(key: SumKey, isArray: Bool)]] = [:]
        var rows: [Int: Term] = [:]
        for (i, v) in contract.stateVariables.enumerated() {
            let keys = Self.sumKeys(of: v.type, variable: i, fields: [], model: model)
            for (key, _) in keys { sums[key] = .int(0) }
            if !keys.isEmpty { summed[i] = keys }
            guard case .mapping(_, let inner) = v.type, v.type.mappingLeaf.isInteger else { continue }
            if case .mapping = inner { rows[i] = Term.constArray(index: .int, value: .int(0)) }
        }
        state = SymbolicState(
            variables: contract.stateVariables.map {
                TypeLayout(structs: model.structs, bytesContents: model.bytesContents).zero($0.type)
            },
            balance: .int(0), sums: sums, rowSums: rows)
        self.summed = summed
        environment = CallEnvironment(
            sender: .int(0), value: .int(0), origin: .int(0), timestamp: .int(0), blockNumber: .int(0), level: 0)
        if contract.environmentReads.contains(.chainID) {
            constraints.append(Term.ge(chainID, .int(0)))
            constraints.append(Term.le(chainID, .int(SolType.uint(256).maxValue)))
        }
        constraints.append(Term.gt(thisAddress, .int(0)))
        constraints.append(Term.lt(thisAddress, .int(addressLimit)))
    }

    /// The per-query state, as one value.
    var query: QueryState {
        get {
            QueryState(
                state: state, constraints: constraints, violations: violations, reaches: reaches, locals: locals,
                environment: environment, record: record)
        }
        set {
            (state, constraints, violations, reaches) = (
                newValue.state, newValue.constraints, newValue.violations, newValue.reaches
            )
            (locals, environment, record) = (newValue.locals, newValue.environment, newValue.record)
        }
    }

    // MARK: - Fresh values

    func fresh(_ name: String, _ sort: Sort) -> Term {
        counter += 1
        return Term.constant("\(name)!\(counter)", sort)
    }

    /// A fresh value of a Solidity type, constrained to the type's range.
    func freshValue(_ name: String, _ type: SolType) -> Term {
        let t = fresh(name, type == .bool ? .bool : .int)
        constrain(t, to: type)
        return t
    }

    /// Keeps an integer term within the range of `type` (booleans need nothing).
    func constrain(_ t: Term, to type: SolType) {
        guard type != .bool, t.sort == .int else { return }
        constraints.append(Term.ge(t, .int(type.minValue)))
        constraints.append(Term.le(t, .int(type.maxValue)))
        ranges.register(t, type.minValue, type.maxValue)
    }

    /// A fresh sender: neither `this` nor the zero address.
    func freshSender(_ name: String) -> Term {
        let s = freshValue(name, .address(payable: false))
        constraints.append(Term.gt(s, .int(0)))
        constraints.append(Term.not(Term.eq(s, thisAddress)))
        return s
    }

    /// Adds ether to the balance on the current path; a path that would pass the cap does not happen.
    func addEther(_ amount: Term) {
        let new = Term.add(state.balance, amount)
        constraints.append(Term.implies(pc, Term.le(new, .int(balanceCap))))
        state.balance = Term.ite(pc, new, state.balance)
    }

    /// Replaces the state by arbitrary values: what any code at all could leave behind. Scalar
    /// state variables and the balance stay within their types (and the balance cap).
    func havocState() {
        state.variables = zip(state.variables, contract.stateVariables).map { value, variable in
            guard case .scalar = value, !variable.isConstant else { return freshLike(value, "havoc") }
            return .scalar(freshValue("havoc.\(variable.name)", variable.type))
        }
        state.balance = freshValue("havoc.balance", .uint(256))
        constraints.append(Term.le(state.balance, .int(balanceCap)))
        for k in state.sums.keys.sorted() { state.sums[k] = fresh("havoc", .int) }
        for (k, v) in state.rowSums.sorted(by: { $0.key < $1.key }) { state.rowSums[k] = fresh("havoc", v.sort) }
    }

    // MARK: - Control flow

    /// Reverts the current frame where `condition` holds on the current path.
    func revert(when condition: Term) {
        let r = Term.and(pc, condition)
        if r.boolLiteralValue == false { return }
        frameReverted = Term.or(frameReverted, r)
        pc = Term.and(pc, Term.not(condition))
    }

    /// Records that the check or assert `name` runs on the current path, and fails where
    /// `failure` holds there.
    func judgeCodeCheck(_ name: String, failsWhen failure: Term) {
        reaches[name, default: []].append(pc)
        violate(name, when: failure)
    }

    /// Records a violation of property `name` where `condition` holds on the current path.
    func violate(_ name: String, when condition: Term) {
        let v = Term.and(pc, condition)
        if v.boolLiteralValue == false { return }
        violations[name, default: []].append(v)
    }

    // MARK: - State access

    /// The ghost sums a value of type `t` at `fields` in state variable `variable` has: one for
    /// a mapping with integer leaves or a dynamic array of integers, and those of a struct's
    /// fields (not through mappings or arrays).
    static func sumKeys(
        of t: SolType, variable: Int, fields: [Int], model: SemanticModel
    ) -> [(key: SumKey, isArray: Bool)] {
        if let array = model.array(t) {
            guard array.size == nil, array.element.isInteger else { return [] }
            return [(SumKey(variable: variable, fields: fields), true)]
        }
        if case .mapping = t {
            return t.mappingLeaf.isInteger ? [(SumKey(variable: variable, fields: fields), false)] : []
        }
        guard case .structType(let name) = t, let info = model.structs[name] else { return [] }
        return info.fields.enumerated().flatMap { i, field in
            sumKeys(of: field.type, variable: variable, fields: fields + [i], model: model)
        }
    }

    /// The sum of an integer array in state, `sum`, after a write at `path` inside it turned
    /// `old` into `new`: an element below the length adds its change; a length one longer adds
    /// the element it takes in, one shorter removes the one it leaves out (`push` writes the
    /// element before the length, `pop` zeroes it first); any other write (`delete arr`) leaves
    /// 0 if the array is empty after it, else any sum.
    private func arraySum(_ sum: Term, old: SymbolicValue, new: SymbolicValue, path: [Accessor]) -> Term {
        let length = readPath(old, [.field(0)]).scalarTerm
        if path.count == 2, case .field(1) = path[0], case .index(let k) = path[1] {
            let delta = Term.sub(readPath(new, path[...]).scalarTerm, readPath(old, path[...]).scalarTerm)
            return Term.add(sum, Term.ite(Term.lt(k, length), delta, .int(0)))
        }
        if path.count == 1, case .field(0) = path[0] {
            let newLength = readPath(new, [.field(0)]).scalarTerm
            let takenIn = readPath(old, [.field(1), .index(length)]).scalarTerm
            let leftOut = readPath(old, [.field(1), .index(newLength)]).scalarTerm
            return Term.ite(
                Term.eq(newLength, Term.add(length, .int(1))), Term.add(sum, takenIn),
                Term.ite(
                    Term.eq(Term.add(newLength, .int(1)), length), Term.sub(sum, leftOut),
                    Term.ite(Term.eq(newLength, length), sum, fresh("sum", .int))))
        }
        return Term.ite(Term.eq(readPath(new, [.field(0)]).scalarTerm, .int(0)), .int(0), fresh("sum", .int))
    }

    /// Writes `value` at `path` inside state variable `index`, on the current path only.
    func writeState(_ index: Int, _ path: [Accessor], _ value: SymbolicValue) {
        let old = state.variables[index]
        let oldLeaf = readPath(old, path[...])
        let guarded = mergeValues(pc, value, oldLeaf)
        state.variables[index] = writePath(old, path[...], guarded)
        for (key, isArray) in summed[index] ?? [] {
            updateSum(
                key, isArray: isArray, old: old, new: state.variables[index], path: path, leaves: (oldLeaf, guarded))
        }
    }

    /// Keeps the ghost sum `key` exact under a write at `path` of its state variable: an entry
    /// of a summed mapping adds the difference (to its row's sum too), an array's changes as
    /// `arraySum` says; a write of a struct holding what is summed leaves any sum.
    private func updateSum(
        _ key: SumKey, isArray: Bool, old: SymbolicValue, new: SymbolicValue, path: [Accessor],
        leaves: (SymbolicValue, SymbolicValue)
    ) {
        guard let sum = state.sums[key] else { return }
        let prefix = key.fields
        let fields = path.prefix(prefix.count).map { a -> Int? in if case .field(let f) = a { f } else { nil } }
        guard fields == prefix.prefix(fields.count).map(Optional.init) else { return }
        guard path.count >= prefix.count else {
            state.sums[key] =
                isArray
                ? arraySum(sum, old: readPath(old, key.path[...]), new: readPath(new, key.path[...]), path: [])
                : fresh("sum", .int)
            return
        }
        let rest = Array(path.dropFirst(prefix.count))
        if isArray {
            state.sums[key] = arraySum(
                sum, old: readPath(old, key.path[...]), new: readPath(new, key.path[...]), path: rest)
        } else if case .scalar(let o) = leaves.0, case .scalar(let n) = leaves.1 {
            let delta = Term.sub(n, o)
            state.sums[key] = Term.add(sum, delta)
            if prefix.isEmpty, let rows = state.rowSums[key.variable], case .index(let k)? = path.first {
                state.rowSums[key.variable] = Term.store(rows, k, Term.add(Term.select(rows, k), delta))
            }
        }
    }

    func writeLocal(_ id: NodeID, _ path: [Accessor], _ value: SymbolicValue) {
        switch locals[id] {
        case .storage(let variable, let base)?:
            writeState(variable, base + path, value)
        case .value(let old)?:
            let oldLeaf = readPath(old, path[...])
            locals[id] = .value(writePath(old, path[...], mergeValues(pc, value, oldLeaf)))
        case nil:
            locals[id] = .value(value)
        }
    }
}
