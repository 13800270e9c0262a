import SMT
import VigilSema
import VigilSyntax

extension SymbolicExecutor {
    /// In the Horn encoding, a loop whose body does not run a modifier's `_;` becomes relations
    /// of its own, so no iteration bound applies: `LoopN(env, u, v)` holds when the state and
    /// local values `v` follow from `u` after some iterations (`LoopN(env, v, v)`, and
    /// `LoopN(env, u, v) && v has not left && the condition holds at v && the body and update
    /// run from v to w => LoopN(env, u, w)`, where `w` says whether the body broke out, returned
    /// or reverted), and `LoopEntryN(env, u)` when the loop is entered at `u` in some execution,
    /// from which the body's failures and handovers are judged. The code around the loop applies
    /// `LoopN(env, entry, exit)`, reverts where the body reverted (a revert inside a loop of a
    /// `view` function makes a property that calls it false), returns from `exit` where the body
    /// returned, and goes on from it where it broke out or the condition is false. `env` is the caller's
    /// sender, value, origin and block. False when the loop must be unrolled.
    func summarizeLoop(condition: Expr?, body: Stmt, update: Expr?) -> Bool {
        guard let horn, !Self.runsPlaceholder(body) else { return false }
        horn.loops += 1
        let relation = "Loop\(horn.loops)"
        let entered = "LoopEntry\(horn.loops)"
        let env = [
            environment.sender, environment.value, environment.origin, environment.timestamp, environment.blockNumber,
        ]
        let keys = locals.keys.sorted().filter { if case .value = locals[$0] { true } else { false } }
        let entry = loopArguments(keys) + [Term.false, Term.false, Term.false]
        horn.handovers.append(
            (guardTerm: pc, predicate: entered, arguments: env + entry, applicationsBefore: horn.applications.count))
        encodeIteration(horn, relation, entered, env, keys, condition: condition, body: body, update: update)
        // Any number of iterations, then a break or the condition false (on this path; elsewhere
        // nothing changes).
        let (beforeState, beforeLocals, outer) = (state, locals, pc)
        freshenLoopPoint("loop.exit")
        let (broke, returned) = (fresh("loop.exit.broke", .bool), fresh("loop.exit.returned", .bool))
        let reverted = fresh("loop.exit.reverted", .bool)
        horn.applications.append(
            Term.predicate(relation, env + entry + loopArguments(keys) + [broke, returned, reverted]))
        state = SymbolicState.merge(outer, state, beforeState)
        locals = locals.merging(beforeLocals) { exit, before in
            guard case .value(let e) = exit, case .value(let b) = before else { return before }
            return .value(mergeValues(outer, e, b))
        }
        pc = outer
        revert(when: reverted)
        let cond = condition.map { eval($0).scalarTerm } ?? .true
        if !bodyExits.isEmpty { bodyExits[bodyExits.count - 1].exits.append(Term.and(pc, returned)) }
        pc = Term.and([pc, Term.not(returned), Term.or(broke, Term.not(cond))])
        return true
    }

    /// The iteration clause, the reflexive clause, and the error and handover clauses of one
    /// iteration (from `LoopEntryN(env, u) && LoopN(env, u, v)`), given to `horn` as clauses of
    /// their own; the clause being encoded around the loop is left as it was.
    private func encodeIteration(
        _ horn: HornRecorder, _ relation: String, _ entered: String, _ env: [Term], _ keys: [NodeID],
        condition: Expr?, body: Stmt, update: Expr?
    ) {
        let saved = (state, locals, pc, frameReverted, constraints, violations, reaches, loopExits, bodyExits)
        let savedCallExits = callExits
        let savedHorn = (horn.applications, horn.handovers)
        constraints = []
        violations = [:]
        reaches = [:]
        horn.applications = []
        horn.handovers = []
        freshenLoopPoint("loop.any")
        let reflexive =
            loopArguments(keys) + [
                fresh("loop.any.broke", .bool), fresh("loop.any.returned", .bool), fresh("loop.any.reverted", .bool),
            ]
        horn.clauses.append(([], Term.predicate(relation, env + reflexive + reflexive)))
        freshenLoopPoint("loop.from")
        let from =
            loopArguments(keys) + [
                fresh("loop.from.broke", .bool), fresh("loop.from.returned", .bool),
                fresh("loop.from.reverted", .bool),
            ]
        freshenLoopPoint("loop.at")
        let left = [
            fresh("loop.at.broke", .bool), fresh("loop.at.returned", .bool), fresh("loop.at.reverted", .bool),
        ]
        let at = loopArguments(keys) + left
        pc = .true
        frameReverted = .false
        pc = condition.map { eval($0).scalarTerm } ?? .true
        loopExits.append(LoopExits())
        // A `return` inside the body ends this iteration (and the function, after the loop).
        let returnsBefore = bodyExits.last?.exits.count ?? 0
        execute(body)
        let returned = Term.or(bodyExits.last.map { Array($0.exits.dropFirst(returnsBefore)) } ?? [])
        let exits = loopExits.removeLast()
        pc = Term.or(exits.continues + [pc])
        if let update { _ = eval(update) }
        let reached = Term.predicate(relation, env + from + at)
        let broke = Term.or(exits.breaks)
        horn.clauses.append(
            (
                [reached] + left.map(Term.not) + constraints + horn.applications + [
                    Term.or([pc, broke, returned, frameReverted])
                ],
                Term.predicate(relation, env + from + loopArguments(keys) + [broke, returned, frameReverted])
            ))
        horn.close(
            premise: [Term.predicate(entered, env + from), reached], constraints: constraints, violations: violations,
            reaches: reaches)
        (state, locals, pc, frameReverted, constraints, violations, reaches, loopExits, bodyExits) = saved
        (horn.applications, horn.handovers) = savedHorn
        if callExits.count > savedCallExits.count { endsCallInLoopSummary = true }
        callExits = savedCallExits
    }

    /// The state and the values of the locals `keys` (those in scope at the loop), in a fixed
    /// order: what a loop's relations relate.
    private func loopArguments(_ keys: [NodeID]) -> [Term] {
        var values = state.variables
        for id in keys {
            if case .value(let v) = locals[id] { values.append(v) }
        }
        return SymbolicState(variables: values, balance: state.balance, sums: state.sums, rowSums: state.rowSums)
            .flattened
    }

    /// Replaces the state and the local values by fresh constants.
    private func freshenLoopPoint(_ prefix: String) {
        state = freshState(like: state, prefix)
        for (id, binding) in locals.sorted(by: { $0.key < $1.key }) {
            if case .value(let v) = binding { locals[id] = .value(freshLike(v, prefix)) }
        }
    }

    /// Whether `s` runs a modifier's `_;` (the function body, with returns of its own frame).
    private static func runsPlaceholder(_ s: Stmt) -> Bool {
        switch s.kind {
        case .placeholder: true
        case .block(let b), .unchecked(let b): b.statements.contains(where: runsPlaceholder)
        case .ifStmt(_, let thenS, let elseS): runsPlaceholder(thenS) || elseS.map(runsPlaceholder) == true
        case .forStmt(_, _, _, let body), .whileStmt(_, let body): runsPlaceholder(body)
        default: false
        }
    }
}
