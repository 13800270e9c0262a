import BigInt
import SMT
import VigilSema
import VigilSyntax

/// One `call` of a rule as encoded: it ran when `guardTerm` holds, after `forcedEther` was forced in.
public struct RuleCallRecord {
    public let guardTerm: Term
    public let forcedEther: Term
    public let timestamp: Term
    public let blockNumber: Term
    public let frame: FrameRecord
}

/// A rule encoded from the current committed state of a `ContractEncoding`.
public struct RuleEncoding {
    /// Definitions and environment assumptions of the rule's fresh values; assert them under
    /// a literal of the rule's own, so the prefix they start from stays shared.
    public internal(set) var constraints: [Term]
    /// The values of `RuleInfo.inputs`, in order.
    public let inputs: [Term]
    /// The rule's calls in source order (those on the path taken have a true guard).
    public let calls: [RuleCallRecord]
    /// An assert-rule: some `assert` is reached with its condition false. A satisfy-rule: some
    /// `satisfy` is reached with its condition true.
    public let goal: Term
    /// Some `assert` or `satisfy` is reached: the assumptions and required calls admit an execution.
    public let reached: Term
    /// The loops whose bound the rule's own steps reached (its calls, the functions its
    /// expressions call): they concern this rule alone, so they are kept apart from the
    /// encoding's `loopCuts` (empty in the Horn encoding).
    public internal(set) var loopCuts: [LoopCut] = []
}

/// What the executor tracks while it runs a rule's body.
final class RuleFrame {
    let isSatisfy: Bool
    let anyFunction: FunctionInfo?
    let havocCalls: Bool
    let inputs: [NodeID: Term]
    var goals: [Term] = []
    var reached: [Term] = []
    var calls: [RuleCallRecord] = []
    var timestamp: Term
    var blockNumber: Term
    /// `reverted`: whether the last `try call` reverted.
    var reverted: Term = .false

    init(
        isSatisfy: Bool, anyFunction: FunctionInfo?, havocCalls: Bool, inputs: [NodeID: Term], timestamp: Term,
        blockNumber: Term
    ) {
        self.isSatisfy = isSatisfy
        self.anyFunction = anyFunction
        self.havocCalls = havocCalls
        self.inputs = inputs
        self.timestamp = timestamp
        self.blockNumber = blockNumber
    }
}

extension ContractEncoding {
    /// Starts from an arbitrary state instead of the deployment: scalar state variables, the
    /// balance and the block take any values of their types, mapping entries and sums any values
    /// at all. Every reachable state is among these, so a rule without a violation from here
    /// has none from any reachable state.
    public func encodeArbitraryState() {
        executor.havocState()
        lastTimestamp = executor.freshValue("any.time", .uint(256))
        lastBlockNumber = executor.freshValue("any.block", .uint(256))
    }

    /// Encodes `rule` from the current committed state, then restores that state so the next
    /// transaction of the prefix can be encoded. `anyFunction` is the function `call any` calls;
    /// with `havocCalls`, each call leaves arbitrary state instead of running the code (to see
    /// whether the rule's asserts depend on what the code does at all).
    public func encodeRule(_ rule: RuleInfo, anyFunction: FunctionInfo?, havocCalls: Bool = false) -> RuleEncoding {
        let x = executor
        let saved = x.query
        x.query = QueryState(state: saved.state, environment: saved.environment)
        let cuts = x.loopCuts.count
        var encoding = x.runRule(
            rule, anyFunction: anyFunction, havocCalls: havocCalls, timestamp: lastTimestamp,
            blockNumber: lastBlockNumber)
        encoding.loopCuts = takeLoopCuts(since: cuts)
        // A rule starts from a committed state: after the deployment, a successful one.
        if transactions.count == 1 { encoding.constraints.append(deployed) }
        x.query = saved
        x.pc = .true
        x.frameReverted = .false
        return encoding
    }
}

extension SymbolicExecutor {
    /// Runs `rule`'s body from the current state, its calls in blocks no earlier than
    /// `timestamp` and `blockNumber`: what the rule needs is added to `constraints`, and `state`
    /// is what its calls left.
    func runRule(
        _ rule: RuleInfo, anyFunction: FunctionInfo?, havocCalls: Bool, timestamp: Term, blockNumber: Term
    ) -> RuleEncoding {
        pc = .true
        frameReverted = .false
        locals = [:]
        record = nil
        var inputs: [Term] = []
        var byDecl: [NodeID: Term] = [:]
        for v in rule.inputs {
            let t = freshValue("rule.\(v.name?.name ?? "input")", model.variableTypes[v.id] ?? .uint(256))
            inputs.append(t)
            byDecl[v.id] = t
            if model.variableTypes[v.id]?.isInteger == true { amountChoices.append(t) }
        }
        let frame = RuleFrame(
            isSatisfy: rule.isSatisfy, anyFunction: anyFunction, havocCalls: havocCalls, inputs: byDecl,
            timestamp: timestamp, blockNumber: blockNumber)
        self.rule = frame
        propertyFailures = []
        for (p, t) in zip(rule.decl.parameters, inputs) { locals[p.id] = .value(.scalar(t)) }
        execute(rule.decl.body)
        self.rule = nil
        propertyFailures = nil
        return RuleEncoding(
            constraints: constraints, inputs: inputs, calls: frame.calls, goal: Term.or(frame.goals),
            reached: Term.or(frame.reached))
    }
}

extension SymbolicExecutor {
    /// Runs one statement of a rule's body; false when the statement is ordinary code.
    func executeRuleStatement(_ s: Stmt, _ rule: RuleFrame) -> Bool {
        switch s.kind {
        case .variable(let v, nil):
            locals[v.id] = .value(.scalar(rule.inputs[v.id] ?? .int(0)))
        case .variable(let v, let initializer?):
            let value = eval(initializer)
            excludeFailures()
            locals[v.id] = .value(value)
        case .expression(let e):
            guard case .call(_, let arguments) = e.kind, let kind = model.calls[e.id],
                [.assume, .require, .assert, .satisfy].contains(kind), let condition = arguments.first
            else {
                _ = eval(e)
                excludeFailures()
                return true
            }
            let holds = judgeProperty(condition)
            switch kind {
            case .assert:
                rule.reached.append(pc)
                rule.goals.append(Term.and(pc, Term.not(holds)))
            case .satisfy:
                rule.reached.append(pc)
                rule.goals.append(Term.and(pc, holds))
                pc = Term.and(pc, holds)
            default:
                pc = Term.and(pc, holds)
            }
        case .ifStmt(let c, let thenS, let elseS):
            let cond = eval(c).scalarTerm
            excludeFailures()
            _ = branches(cond, { self.execute(thenS) }, { if let elseS { self.execute(elseS) } })
        case .ruleCall(let call):
            encodeRuleCall(call, rule)
        default:
            return false
        }
        return true
    }

    /// A rule's expression that divides by zero or calls code that reverts admits no execution.
    private func excludeFailures() {
        let failed = Term.or((propertyFailures ?? []) + [frameReverted])
        pc = Term.and(pc, Term.not(failed))
        propertyFailures = []
        frameReverted = .false
    }

    /// `[try] call f(args) [from s] [value v];`: a top-level transaction with everything one has
    /// (ether forced in before it, a later block, handovers); without `try` it must succeed.
    private func encodeRuleCall(_ call: RuleCall, _ rule: RuleFrame) {
        let function: FunctionInfo
        var arguments: [SymbolicValue]?
        switch call.target {
        case .function(let name, let args):
            guard let f = contract.functions[name.name] else { return }
            function = f
            arguments = args.map { eval($0) }
        case .any:
            guard let f = rule.anyFunction else { return }
            function = f
        }
        let sender = call.sender.map { eval($0).scalarTerm }
        var value = call.value.map { eval($0).scalarTerm }
        excludeFailures()
        if rule.havocCalls {
            havocState()
            rule.reverted = fresh("rule.reverted", .bool)
            return
        }
        if let given = arguments {
            // Mathematical values from the rule must fit the parameters' types.
            let fits = zip(given, function.parameterTypes).filter { $0.1.isInteger || $0.1.isAddressLike }
                .compactMap { v, t in
                    v.term.map { Term.and(Term.ge($0, .int(t.minValue)), Term.le($0, .int(t.maxValue))) }
                }
            pc = Term.and([pc] + fits)
        }
        let from: Term
        if let sender {
            from = sender
            pc = Term.and([pc, Term.gt(sender, .int(0)), Term.not(Term.eq(sender, thisAddress))])
        } else {
            from = freshSender("rule.sender")
        }
        if let v = value {
            pc = Term.and(pc, Term.ge(v, .int(0)))
            // A function that is not payable accepts no ether: `value v` then means v is 0.
            if !function.isPayable {
                pc = Term.and(pc, Term.eq(v, .int(0)))
                value = .int(0)
            }
        } else if case .function = call.target {
            value = .int(0)
        }
        let guardTerm = pc
        let forced = freshValue("rule.forced", .uint(256))
        amountChoices.append(forced)
        forcedEtherChoices.append(forced)
        addEther(forced)
        let timestamp = freshValue("rule.time", .uint(256))
        let number = freshValue("rule.block", .uint(256))
        constraints.append(Term.ge(timestamp, rule.timestamp))
        constraints.append(Term.ge(number, rule.blockNumber))
        rule.timestamp = timestamp
        rule.blockNumber = number
        let env = CallEnvironment(
            sender: from, value: .int(0), origin: from, timestamp: timestamp, blockNumber: number, level: 0)
        self.rule = nil
        propertyFailures = nil
        let frame = runExternalFrame(
            function, guardTerm: guardTerm, environment: env, arguments: arguments, value: value)
        nameState()
        self.rule = rule
        propertyFailures = []
        rule.calls.append(
            RuleCallRecord(
                guardTerm: guardTerm, forcedEther: forced, timestamp: timestamp, blockNumber: number, frame: frame))
        if call.isTry {
            rule.reverted = frame.reverted
        } else {
            pc = Term.and(pc, Term.not(frame.reverted))
        }
    }
}
