import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

extension Interpreter {
    /// Replays a rule's schedule: the transactions that reach its starting state, then the rule's
    /// body, whose calls take the schedule's remaining transactions (marked `isRuleCall`) in order.
    /// `.violated` means the rule's goal was reached: an `assert` failed, or a `satisfy` held.
    /// `function` is what `call any` calls. Never traps: every problem is a `.mismatch`.
    public func replayRule(_ schedule: Schedule, rule: RuleInfo, function: String?) -> ReplayResult {
        let machine = Machine(
            model: model, contract: contract, schedule: schedule,
            property: PropertyReference(kind: .rule, name: rule.name), trusted: true)
        return machine.replayRule(rule, anyFunction: function)
    }
}

/// How a rule's statement ended.
private enum RuleFlow {
    case next
    /// An `assume`, a required call or an expression that fails excludes the execution.
    case excluded
    /// The goal: an `assert` failed, or a `satisfy` held.
    case goal
}

/// A rule's execution: its locals and the rule calls of the schedule not yet made.
private struct RuleRun {
    let rule: RuleInfo
    let anyFunction: String?
    var locals: [NodeID: Value]
    var calls: ArraySlice<Transaction>
    var last: (timestamp: BigInt, number: BigInt)
    var steps: [TraceStep]
}

extension Machine {
    func replayRule(_ rule: RuleInfo, anyFunction: String?) -> ReplayResult {
        do throws(Interruption) {
            var steps = [try deploy()]
            var last = (timestamp: timestamp, number: blockNumber)
            let prefix = schedule.transactions.prefix { !$0.isRuleCall }
            for (index, transaction) in prefix.enumerated() {
                steps.append(try runTransaction(transaction, position: "transaction \(index + 1)", after: &last))
            }
            let calls = schedule.transactions.dropFirst(prefix.count)
            guard calls.allSatisfy(\.isRuleCall) else {
                throw .mismatch("a transaction that is not the rule's follows the rule's calls")
            }
            try forceEther(schedule.finalForcedEther, before: "the rule")
            guard schedule.ruleInputs.count == rule.inputs.count else {
                throw .mismatch(
                    "the rule has \(rule.inputs.count) inputs; the schedule gives \(schedule.ruleInputs.count)")
            }
            var locals: [NodeID: Value] = [:]
            var inputs: [NamedValue] = []
            for (position, (v, a)) in zip(rule.inputs, schedule.ruleInputs).enumerated() {
                let t = model.variableTypes[v.id] ?? .void
                let value = try argumentValue(a, type: t, function: rule.name, position: position + 1)
                locals[v.id] = value
                inputs.append(NamedValue(name: v.name?.name ?? "_", value: traceValue(value, type: t)))
            }
            var run = RuleRun(
                rule: rule, anyFunction: anyFunction, locals: locals, calls: calls, last: last, steps: steps)
            let flow = try executeRule(rule.decl.body.statements, &run)
            if flow == .next, let extra = run.calls.first {
                throw .mismatch("the rule ended with its call of '\(extra.call.function)' left over")
            }
            return finish(run.steps, finalForcedEther: schedule.finalForcedEther, ruleInputs: inputs)
        } catch {
            switch error {
            case .mismatch(let reason): return .mismatch(reason)
            case .revert(let reason): return .mismatch("internal: a revert escaped its call (\(reason))")
            case .propertyFalse: return .mismatch("internal: a property failure escaped the rule")
            case .unconfirmable(let why): return .unconfirmable(why)
            }
        }
    }

    private func executeRule(_ statements: [Stmt], _ run: inout RuleRun) throws(Interruption) -> RuleFlow {
        for s in statements {
            let flow = try executeRule(s, &run)
            if flow != .next { return flow }
        }
        return .next
    }

    private func executeRule(_ s: Stmt, _ run: inout RuleRun) throws(Interruption) -> RuleFlow {
        try tick()
        switch s.kind {
        case .variable(_, nil):
            return .next  // an input: its value is in place already
        case .variable(let v, let initializer?):
            guard let value = try ruleValue(initializer, &run) else { return .excluded }
            run.locals[v.id] = value
            return .next
        case .expression(let e):
            if case .call(_, let arguments) = e.kind, let kind = model.calls[e.id], let condition = arguments.first,
                [.assume, .require, .assert, .satisfy].contains(kind)
            {
                let (holds, parts) = try judgeProperty(condition, context: PropertyContext(), locals: run.locals)
                switch kind {
                case .assert:
                    if holds { return .next }
                    violation = Violation(line: line(of: e.range), parts: parts)
                    return .goal
                case .satisfy:
                    if !holds { return .excluded }
                    violation = Violation(line: line(of: e.range), parts: [])
                    return .goal
                default:
                    return holds ? .next : .excluded
                }
            }
            return try ruleValue(e, &run) == nil ? .excluded : .next
        case .block(let b):
            return try executeRule(b.statements, &run)
        case .ifStmt(let condition, let thenS, let elseS):
            guard case .bool(let taken)? = try ruleValue(condition, &run) else { return .excluded }
            if taken { return try executeRule(thenS, &run) }
            if let elseS { return try executeRule(elseS, &run) }
            return .next
        case .ruleCall(let call):
            return try runRuleCall(call, &run)
        default:
            throw .mismatch("internal: a statement a rule cannot hold, at line \(line(of: s.range))")
        }
    }

    /// Evaluates a rule's expression (mathematical integers); nil when it fails (a division by zero).
    private func ruleValue(_ e: Expr, _ run: inout RuleRun) throws(Interruption) -> Value? {
        do {
            return try inPropertyScope(PropertyContext(), locals: &run.locals) { () throws(Interruption) in
                try evaluate(e)
            }
        } catch {
            if case .propertyFalse = error { return nil }
            throw error
        }
    }

    /// A rule's `call`: the next rule transaction of the schedule, checked against what the rule says.
    private func runRuleCall(_ call: RuleCall, _ run: inout RuleRun) throws(Interruption) -> RuleFlow {
        guard let transaction = run.calls.first else {
            throw .mismatch("the rule calls more functions than the schedule gives")
        }
        run.calls = run.calls.dropFirst()
        let invocation = transaction.call
        let expectedName: String
        var expectedArguments: [BigInt]?
        switch call.target {
        case .function(let name, let arguments):
            expectedName = name.name
            var values: [BigInt] = []
            for a in arguments {
                switch try ruleValue(a, &run) {
                case .int(let v)?: values.append(v)
                case .bool(let b)?: values.append(b ? 1 : 0)
                case nil: return .excluded
                default: throw .mismatch("an argument of the rule's call of '\(name.name)' is not a number")
                }
            }
            expectedArguments = values
        case .any:
            guard let f = run.anyFunction else { throw .mismatch("'call any' without a function") }
            expectedName = f
        }
        guard invocation.function == expectedName else {
            throw .mismatch("the rule calls '\(expectedName)'; the schedule calls '\(invocation.function)'")
        }
        if let expectedArguments, expectedArguments != invocation.arguments {
            // The rule's values do not fit the parameters: no such call can be made.
            throw .mismatch("the arguments of the rule's call of '\(expectedName)' differ from the schedule's")
        }
        if let sender = call.sender {
            guard case .int(let s)? = try ruleValue(sender, &run) else { return .excluded }
            guard s == invocation.sender else {
                throw .mismatch(
                    "the rule's call of '\(expectedName)' comes from \(s); the schedule says \(invocation.sender)")
            }
        }
        let value: BigInt?
        if let v = call.value {
            guard case .int(let x)? = try ruleValue(v, &run) else { return .excluded }
            value = x
        } else {
            value = call.target.isAny ? nil : 0
        }
        if let value, value != invocation.value {
            throw .mismatch(
                "the rule's call of '\(expectedName)' sends \(value); the schedule sends \(invocation.value)")
        }
        let position = "the rule's call of '\(expectedName)'"
        let step = try runTransaction(transaction, position: position, after: &run.last)
        run.steps.append(step)
        if call.isTry {
            ruleReverted = step.revertReason != nil
            return .next
        }
        return step.revertReason == nil ? .next : .excluded
    }
}

extension RuleCallTarget {
    fileprivate var isAny: Bool {
        if case .any = self { return true }
        return false
    }
}
