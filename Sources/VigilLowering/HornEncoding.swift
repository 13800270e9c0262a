import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilTrace

/// The constrained Horn clauses of a contract, for proofs over every transaction sequence:
/// `Inv(s)` holds in every committed state, and `Ext(s, t)` relates the state at a handover to
/// a state that the environment's calls into the contract (any number, nested to any depth,
/// with ether forced in between) can leave behind. A handover in code becomes `Ext(pre, post)`;
/// the least solution of the clauses over-approximates what can happen, so an interpretation
/// that makes every clause true proves the invariants it implies.
///
/// When the contract reads them, `Inv` also carries the last block's time and number (a
/// transaction's block is no earlier), and `Ext` and `Pre` first carry what re-entrant calls
/// share with the frame that handed over control: `tx.origin`, the block's time and number.
/// Re-entrant calls never come from a `trusted` address (evaluated in the state handed over).
public final class HornEncoding {
    /// The clauses, each `forall xs. body => head` (the query clauses have head `false`).
    public private(set) var clauses: [Term] = []
    /// What each argument of `Inv` stands for, in Vigil's words (`balances`, `balance`,
    /// `sum(balances)`, `block.timestamp` for the last block's time).
    public let stateNames: [String]
    /// Why the engine cannot judge this contract, when it cannot.
    public private(set) var unsupported: String?
    /// Constraints under which the deployment succeeds (for the reachability check).
    public private(set) var deployment: [Term] = []
    /// For each `assert@…` and `ensures@…`: clauses `… && the property fails => false`, from
    /// the deployment, every transaction and every re-entrant call (which starts in a state
    /// reachable from a real handover: `Pre(p) && Ext(p, s)`).
    public private(set) var errorClauses: [String: [Term]] = [:]
    /// For each `assert@…` and `ensures@…`, clauses `… && the property is reached => false` (its
    /// `assert` runs, or its function returns), from the same places as its error clauses: a
    /// solution of them with the other clauses proves that no execution reaches it.
    public private(set) var reachClauses: [String: [Term]] = [:]
    /// For each state-changing entry point, the clause `Inv(s) && a call of it from s does not
    /// revert => false`: a solution proves that it reverts on every input from every reachable state.
    public private(set) var successClauses: [(function: FunctionInfo, clause: Term)] = []
    /// The properties of `view` and `pure` functions (their error clauses do not share a proof
    /// with the contract's other properties as often).
    public private(set) var readOnlyProperties: Set<String> = []
    /// Properties of `view` and `pure` functions whose calls the engine cannot judge, and why
    /// (a loop, or a division by a value that is not a literal): the rest of the contract still can be.
    public private(set) var unjudged: [String: String] = [:]
    /// The clauses deriving `Pre`, the states at which control is handed over in some execution,
    /// and those of the loops' relations (`LoopSummary.swift`).
    public private(set) var handoverClauses: [Term] = []
    /// Where `Ext`'s arguments hold what (`HandoverLayout`).
    public let handoverLayout: HandoverLayout

    let executor: SymbolicExecutor
    private let shape: SymbolicState
    /// Whether `Inv` carries the last block's time and number (as `Ext` and `Pre` carry the block).
    private var carriesClock: Bool { executor.horn?.carriesClock == true }

    /// The clauses of `contract`: the deployment, every transaction, ether forced in, and the
    /// closure of `Ext` under every entry point and forced ether. A `view` or `pure` entry point
    /// changes nothing, so it adds no transition: only the error clauses of a call of it, from a
    /// committed state and from any state a handover can reach (read-only re-entrancy).
    public init(model: SemanticModel, contract: ContractInfo) {
        let horn = HornRecorder(
            carriesOrigin: contract.environmentReads.contains(.txOrigin),
            carriesClock: !contract.environmentReads.isDisjoint(with: [.blockTimestamp, .blockNumber]))
        executor = SymbolicExecutor(
            model: model, contract: contract, bounds: Bounds(), entryFilter: nil, mode: .horn(horn))
        shape = executor.state
        var names: [String] = []
        for (v, value) in zip(contract.stateVariables, shape.variables) {
            names += Self.names(of: value, v.name)
        }
        names.append("balance")
        for k in shape.sums.keys.sorted() { names.append("sum(\(Self.summedName(k, contract, model)))") }
        for k in shape.rowSums.keys.sorted() { names.append("sum(\(contract.stateVariables[k].name)[·])") }
        if horn.carriesClock { names += ["block.timestamp", "block.number"] }
        stateNames = names
        // In a flattened state the ghost sums follow the variables and the balance, before the row sums.
        let firstSum = shape.flattened.count - shape.sums.count - shape.rowSums.count
        handoverLayout = HandoverLayout(
            sharedCount: horn.environmentArguments(executor.environment).count, stateSize: shape.flattened.count,
            sums: Array(firstSum..<(firstSum + shape.sums.count)))
        encodeDeployment()
        encodeForcedEther(into: "Inv")
        for f in executor.entryPoints { encodeTransaction(f) }
        encodeExtClosure()
        let modelled = Set(executor.entryPoints.map(\.name))
        for f in contract.entryPoints where !modelled.contains(f.name) { encodeReadOnlyCalls(f) }
        if !executor.loopCuts.isEmpty {
            unsupported = Self.loopUnsupported
        } else if executor.endsCallInLoopSummary {
            unsupported =
                "inline assembly that ends the call inside a loop: the unbounded engine does not summarise it yet"
        } else if (clauses + handoverClauses + errorClauses.values.flatMap { $0 }).contains(where: {
            $0.applies([.div, .mod])
        }) {
            // Measured: Spacer (Z3 4.8.12) ignored both its rlimit and interrupts on such clauses.
            unsupported = Self.divisionUnsupported
        }
    }

    static let loopUnsupported =
        "a loop around a modifier's `_;`: the unbounded engine does not summarise such loops yet"

    /// Why a clause that still divides (by a value that is not a literal) is not given to Spacer.
    public static let divisionUnsupported =
        "division or modulo by a value that is not a literal: the unbounded engine does not judge it yet"

    /// The clause `Inv(s) && !invariant(s) => false` with those defining the relations of the
    /// loops the invariant runs (in the `view` functions it calls), and whether the invariant had
    /// a `forall` to open; a failure when the property cannot be encoded.
    public func query(_ invariant: InvariantInfo) -> Result<(clauses: [Term], quantified: Bool), UnsupportedRule> {
        let x = executor
        let (state, terms) = freshState("q")
        startClause(from: state)
        let cuts = x.loopCuts.count
        let holds = x.judgeProperty(invariant.expression)
        let committed = Term.predicate("Inv", terms + freshClock())
        let loops = takeQueryClauses(premise: [committed])
        if x.loopCuts.count > cuts {
            // A loop around a modifier's `_;` in a function the invariant calls: unrolled, and cut.
            x.loopCuts.removeLast(x.loopCuts.count - cuts)
            return .failure(UnsupportedRule(reason: Self.loopUnsupported))
        }
        guard let opened = Self.openingUniversals(holds) else {
            return .failure(
                UnsupportedRule(
                    reason: "an invariant with `exists` (or `forall` under a negation or a disjunction): "
                        + "the unbounded engine judges only `forall`s that are conjuncts"))
        }
        let applications = x.horn?.applications ?? []
        return .success(
            (
                [clause(body: [committed, Term.not(opened)] + x.constraints + applications, head: .false)] + loops,
                holds.containsQuantifier
            ))
    }

    /// The clause `Inv(s) && the rule run from s reaches a failing assert (or a satisfied
    /// satisfy) => false`: the rule starts from any committed state, and its calls' handovers
    /// are `Ext` applications. A failure when the rule cannot be encoded for Spacer.
    public func ruleQuery(_ rule: RuleInfo, anyFunction: FunctionInfo?) -> Result<RuleQuery, UnsupportedRule> {
        let x = executor
        let cutsBefore = x.loopCuts.count
        let (state, terms) = freshState("r")
        startClause(from: state)
        let (time, block) = (x.freshValue("r.time", .uint(256)), x.freshValue("r.block", .uint(256)))
        let encoded = x.runRule(rule, anyFunction: anyFunction, havocCalls: false, timestamp: time, blockNumber: block)
        let committed = Term.predicate("Inv", terms + clock(time, block))
        let run = [committed] + x.constraints + (x.horn?.applications ?? [])
        let body = run + [encoded.goal]
        let loops = takeQueryClauses(premise: [committed])
        if x.loopCuts.count > cutsBefore {
            return .failure(UnsupportedRule(reason: Self.loopUnsupported))
        }
        if body.contains(where: \.containsQuantifier) {
            return .failure(
                UnsupportedRule(reason: "a quantifier in a rule: the unbounded engine judges rules without them"))
        }
        let query = clause(body: body, head: .false)
        if ([query] + loops).contains(where: { $0.applies([.div, .mod]) }) {
            return .failure(UnsupportedRule(reason: Self.divisionUnsupported))
        }
        return .success(
            RuleQuery(
                clause: query, clauses: loops, reachClause: clause(body: run + [encoded.reached], head: .false),
                reachable: x.constraints + [encoded.reached]))
    }

    /// The clauses of the loops that encoding a query summarised (a loop in a rule's calls, or
    /// in a `view` function a property calls), with those deriving where its handovers happen
    /// and its loops are entered, from a state satisfying `premise`: the query's relations are
    /// defined by them, so they go to the solver with it.
    private func takeQueryClauses(premise: [Term]) -> [Term] {
        let x = executor
        guard let horn = x.horn else { return [] }
        horn.close(premise: premise, constraints: x.constraints, violations: [:], reaches: [:])
        defer {
            horn.clauses = []
            horn.errors = []
            horn.reached = []
        }
        return horn.clauses.map { clause(body: $0.body, head: $0.head) }
    }

    /// `t` with its `forall`s opened where they are conjuncts (nested ones too): their bound
    /// variables become free, and the query clause quantifies them, so a failing state needs
    /// just one value that breaks the body; also under an implication's quantifier-free premise
    /// (a nested `forall`). Nil when any other quantifier is left (an `exists`, or a `forall`
    /// under a negation or a disjunction): Spacer cannot take those.
    static func openingUniversals(_ t: Term) -> Term? {
        switch t.kind {
        case .quantifier(isForall: true, _, let body):
            return openingUniversals(body)
        case .apply(.and, let conjuncts):
            var opened: [Term] = []
            for c in conjuncts {
                guard let o = openingUniversals(c) else { return nil }
                opened.append(o)
            }
            return Term.and(opened)
        case .apply(.implies, let parts) where parts.count == 2 && !parts[0].containsQuantifier:
            // `p ==> forall x: q` is `forall x: p ==> q` (a bound variable is never free in `p`):
            // how a `forall` nested in another's range condition arrives.
            return openingUniversals(parts[1]).map { Term.implies(parts[0], $0) }
        default:
            return t.containsQuantifier ? nil : t
        }
    }

    // MARK: - Clauses

    /// Starts the executor on a new clause from `state`: nothing recorded yet.
    private func startClause(from state: SymbolicState) {
        let x = executor
        x.query = QueryState(state: state, locals: x.locals, environment: x.environment, record: x.record)
        x.horn?.applications = []
        x.horn?.handovers = []
    }

    private func encodeDeployment() {
        let x = executor
        startClause(from: shape)
        let initial = x.freshValue("initial.balance", .uint(256))
        x.constraints.append(Term.le(initial, .int(balanceCap)))
        x.state.balance = initial
        let env = freshEnvironment(level: -1)
        x.pc = .true
        x.frameReverted = .false
        x.environment = env
        x.locals = [:]
        if let ctor = x.contract.constructor {
            _ = x.deploy(ctor, environment: env)
        } else {
            x.runInitializers()
        }
        deployment = x.constraints + [Term.not(x.frameReverted)]
        add(
            body: deployment + (x.horn?.applications ?? []),
            head: Term.predicate("Inv", x.state.flattened + clock(env.timestamp, env.blockNumber)))
        recordErrors(premise: [])
    }

    /// `Inv(s, clock) && e >= 0 => Inv(s + e, clock)`, and the same for `Ext(env, pre, s)`.
    private func encodeForcedEther(into predicate: String) {
        let (before, beforeTerms) = freshState("s")
        let fixed = predicate == "Ext" ? sharedArguments(freshEnvironment(level: 1)) + freshState("pre").terms : []
        let kept = predicate == "Inv" ? freshClock() : []
        let amount = executor.fresh("forced", .int)
        var after = before
        after.balance = Term.add(before.balance, amount)
        add(
            body: [
                Term.predicate(predicate, fixed + beforeTerms + kept), Term.ge(amount, .int(0)),
                Term.le(after.balance, .int(balanceCap)),
            ], head: Term.predicate(predicate, fixed + after.flattened + kept))
    }

    /// `Inv(s, last) && f runs from s to t in a block no earlier than last => Inv(t, block)` (a
    /// reverted call leaves `s`), when it `commits`; the error clauses of the call either way.
    private func encodeTransaction(_ f: FunctionInfo, commits: Bool = true) {
        let x = executor
        let (start, terms) = freshState("s")
        startClause(from: start)
        let last = freshClock()
        let env = freshEnvironment(level: 0)
        if carriesClock {
            x.constraints += [Term.ge(env.timestamp, last[0]), Term.ge(env.blockNumber, last[1])]
        }
        let committed = Term.predicate("Inv", terms + last)
        let (body, end, reverted) = run(f, environment: env)
        if commits {
            add(
                body: [committed] + body,
                head: Term.predicate("Inv", end.flattened + clock(env.timestamp, env.blockNumber)))
            successClauses.append((f, clause(body: [committed] + body + [Term.not(reverted)], head: .false)))
        }
        recordErrors(premise: [committed])
    }

    /// The error clauses of a call of the `view` or `pure` function `f`, top-level and
    /// re-entrant; its properties are unjudged instead when the call loops or divides by a
    /// value that is not a literal.
    private func encodeReadOnlyCalls(_ f: FunctionInfo) {
        let names = EntrySelection.properties(of: f, in: executor.contract)
        readOnlyProperties.formUnion(names)
        let cuts = executor.loopCuts.count
        encodeTransaction(f, commits: false)
        encodeReentrantCall(f, extends: false)
        var why: String?
        if executor.loopCuts.count > cuts {
            executor.loopCuts.removeLast(executor.loopCuts.count - cuts)
            why = Self.loopUnsupported
        } else if names.contains(where: { errorClauses[$0]?.contains { $0.applies([.div, .mod]) } == true }) {
            why = Self.divisionUnsupported
        }
        guard let why else { return }
        for name in names {
            errorClauses[name] = nil
            reachClauses[name] = nil
            unjudged[name] = why
        }
    }

    /// `Ext(env, s, s)`, and `Ext(env, s, t) && (f runs from t to u, or ether is forced in) =>
    /// Ext(env, s, u)` for every entry point `f` that changes state.
    private func encodeExtClosure() {
        let (_, terms) = freshState("s")
        let shared = sharedArguments(freshEnvironment(level: 1))
        add(body: [], head: Term.predicate("Ext", shared + terms + terms))
        encodeForcedEther(into: "Ext")
        for f in executor.entryPoints { encodeReentrantCall(f) }
    }

    /// A call of `f` during a handover in `env`, from a state `t` with `Ext(env, s, t)`, made
    /// with `env`'s origin and block by a sender that `s` does not trust: `Ext(env, s, u)` for
    /// the state `u` it leaves, when it `extends` the closure; its error clauses, which also
    /// need the handover to happen (`Pre(env, s)`), either way.
    private func encodeReentrantCall(_ f: FunctionInfo, extends: Bool = true) {
        let x = executor
        let (pre, preTerms) = freshState("pre")
        let (middle, middleTerms) = freshState("s")
        startClause(from: pre)
        let env = freshEnvironment(level: 1)
        x.pc = .true
        x.frameReverted = .false
        x.locals = [:]
        for t in x.contract.trusted {
            x.constraints.append(Term.not(Term.eq(env.sender, x.eval(t).scalarTerm)))
        }
        x.state = middle
        let shared = sharedArguments(env)
        let (body, end, _) = run(f, environment: env)
        let reached = Term.predicate("Ext", shared + preTerms + middleTerms)
        if extends {
            add(body: [reached] + body, head: Term.predicate("Ext", shared + preTerms + end.flattened))
        }
        recordErrors(premise: [Term.predicate("Pre", shared + preTerms), reached])
    }

    /// A fresh environment for a call at `level`: any sender but `this` and `address(0)`, any
    /// block; a transaction's origin is its sender, a re-entrant call's any such address.
    private func freshEnvironment(level: Int) -> CallEnvironment {
        let x = executor
        let sender = x.freshSender("sender")
        return CallEnvironment(
            sender: sender, value: .int(0), origin: level > 0 ? x.freshSender("origin") : sender,
            timestamp: x.freshValue("time", .uint(256)), blockNumber: x.freshValue("block", .uint(256)), level: level)
    }

    /// The environment arguments of `Ext` and `Pre`.
    private func sharedArguments(_ env: CallEnvironment) -> [Term] {
        executor.horn?.environmentArguments(env) ?? []
    }

    /// `Inv`'s clock arguments: a block's time and number, when `Inv` carries them.
    private func clock(_ time: Term, _ block: Term) -> [Term] {
        carriesClock ? [time, block] : []
    }

    /// Fresh clock arguments of `Inv` (none when it carries no clock).
    private func freshClock() -> [Term] {
        clock(executor.fresh("last.time", .int), executor.fresh("last.block", .int))
    }

    /// Runs one external call of `f` from the executor's state (after `startClause`) in `env`:
    /// the constraints and `Ext` applications it needs, the state it leaves (the start state
    /// where it reverts), and where it reverts.
    private func run(_ f: FunctionInfo, environment env: CallEnvironment) -> (
        body: [Term], end: SymbolicState, reverted: Term
    ) {
        let x = executor
        x.locals = [:]
        x.pc = .true
        x.frameReverted = .false
        x.environment = env
        let frame = x.runExternalFrame(f, guardTerm: .true, environment: env)
        return (x.constraints + (x.horn?.applications ?? []), x.state, frame.reverted)
    }

    /// After a run from a state satisfying `premise`: a `Pre` clause for each handover (and a
    /// `LoopEntry` clause for each loop entered), an error clause for each property the run can
    /// violate, and the clauses of the loops it summarised. Every `Ext` (and loop) application
    /// of the run stays in the body: those relations are reflexive, so one on a path not taken
    /// constrains nothing.
    private func recordErrors(premise: [Term]) {
        let x = executor
        guard let horn = x.horn else { return }
        horn.close(premise: premise, constraints: x.constraints, violations: x.violations, reaches: x.reaches)
        for (body, head) in horn.clauses { handoverClauses.append(clause(body: body, head: head)) }
        for (name, body) in horn.errors { errorClauses[name, default: []].append(clause(body: body, head: .false)) }
        for (name, body) in horn.reached { reachClauses[name, default: []].append(clause(body: body, head: .false)) }
        horn.clauses = []
        horn.errors = []
        horn.reached = []
    }

    // MARK: - States as predicate arguments

    private func add(body: [Term], head: Term) {
        clauses.append(clause(body: body, head: head))
    }

    /// `forall xs. body => head`, with division and remainder by literals made linear.
    private func clause(body: [Term], head: Term) -> Term {
        let this = executor.thisAddress
        let address = [Term.gt(this, .int(0)), Term.lt(this, .int(addressLimit))]
        var linear = DivisionElimination { self.executor.fresh("quotient", .int) }
        let (linearBody, linearHead) = (linear.rewrite(Term.and(body)), linear.rewrite(head))
        let implication = Term.implies(Term.and([linearBody] + linear.definitions + address), linearHead)
        let variables = implication.constants.filter { $0 != executor.thisAddress }
        return Term.forall(variables + [executor.thisAddress], implication)
    }

    /// A state of fresh constants shaped like the contract's state, with its terms in `Inv`'s order.
    func freshState(_ prefix: String) -> (state: SymbolicState, terms: [Term]) {
        let state = executor.freshState(like: shape, prefix)
        return (state, state.flattened)
    }

    /// `pool.shares` for the sum of field `shares` of state variable `pool`.
    private static func summedName(_ key: SumKey, _ contract: ContractInfo, _ model: SemanticModel) -> String {
        let variable = contract.stateVariables[key.variable]
        var (name, type) = (variable.name, variable.type)
        for f in key.fields {
            guard case .structType(let s) = type, let field = model.structs[s]?.fields[f] else { break }
            (name, type) = ("\(name).\(field.name)", field.type)
        }
        return name
    }

    private static func names(of value: SymbolicValue, _ base: String) -> [String] {
        switch value {
        case .scalar, .array: [base]
        case .record(let fields): fields.enumerated().flatMap { names(of: $0.element, "\(base).\($0.offset)") }
        }
    }
}

/// Where `Ext(env…, pre…, post…)` holds what: `sharedCount` environment arguments, then the
/// state before the calls and the state after (`stateSize` terms each, in `Inv`'s order); in a
/// state, `sums` are the positions of the ghost sums of its mappings and arrays.
public struct HandoverLayout: Sendable, Hashable {
    public let sharedCount: Int
    public let stateSize: Int
    public let sums: [Int]

    /// The states before and after in the arguments of an `Ext` application; nil when it has
    /// not `Ext`'s arity.
    public func states(_ arguments: [Term]) -> (pre: [Term], post: [Term])? {
        guard arguments.count == sharedCount + 2 * stateSize else { return nil }
        let pre = Array(arguments[sharedCount..<sharedCount + stateSize])
        return (pre, Array(arguments[(sharedCount + stateSize)...]))
    }
}

/// A rule's Horn query, and what any execution that gets to its `assert` (or `satisfy`) must
/// meet from some state, reachable or not (no predicates: the states after handovers are free).
public struct RuleQuery {
    public let clause: Term
    /// The clauses defining the relations of the loops the rule runs (`takeQueryClauses`).
    public let clauses: [Term]
    /// `Inv(s) && the rule run from s gets to an assert (or satisfy) => false`: a solution of it
    /// with the other clauses proves that no execution from any reachable state gets there.
    public let reachClause: Term
    public let reachable: [Term]
}

/// Why a rule or an invariant has no Horn query.
public struct UnsupportedRule: Error {
    public let reason: String
}

/// What a handover or a loop leaves in the Horn encoding: `Ext(env, pre, post)` (or loop)
/// applications for the clause body, and where each handover happens or loop is entered (its
/// path condition, the predicate derived there with its arguments, and how many applications
/// came before it); the clauses and error clause bodies of the loops summarised so far.
final class HornRecorder {
    var applications: [Term] = []
    var handovers: [(guardTerm: Term, predicate: String, arguments: [Term], applicationsBefore: Int)] = []
    var clauses: [(body: [Term], head: Term)] = []
    var errors: [(name: String, body: [Term])] = []
    /// Bodies of clauses in which a property's `assert` runs (or its function returns).
    var reached: [(name: String, body: [Term])] = []
    /// Loops summarised so far: each gets relations of its own.
    var loops = 0
    /// Whether `Ext` and `Pre` carry the transaction's `tx.origin`, and its block's time and number.
    let carriesOrigin: Bool
    let carriesClock: Bool

    init(carriesOrigin: Bool, carriesClock: Bool) {
        self.carriesOrigin = carriesOrigin
        self.carriesClock = carriesClock
    }

    /// After a run from a state satisfying `premise` with `constraints`: a clause deriving the
    /// predicate of each handover (`Pre`) and loop entry, an error clause body for each property
    /// in `violations`, and a reach clause body for each in `reaches`.
    func close(premise: [Term], constraints: [Term], violations: [String: [Term]], reaches: [String: [Term]]) {
        for h in handovers {
            clauses.append(
                (
                    premise + constraints + Array(applications.prefix(h.applicationsBefore)) + [h.guardTerm],
                    Term.predicate(h.predicate, h.arguments)
                ))
        }
        for (name, conditions) in violations.sorted(by: { $0.key < $1.key }) {
            errors.append((name, premise + constraints + applications + [Term.or(conditions)]))
        }
        for (name, conditions) in reaches.sorted(by: { $0.key < $1.key }) {
            reached.append((name, premise + constraints + applications + [Term.or(conditions)]))
        }
    }

    /// What re-entrant calls share with the frame that hands over control, as `Ext`'s and `Pre`'s first arguments.
    func environmentArguments(_ env: CallEnvironment) -> [Term] {
        (carriesOrigin ? [env.origin] : []) + (carriesClock ? [env.timestamp, env.blockNumber] : [])
    }
}
