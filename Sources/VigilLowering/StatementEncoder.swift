import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax

extension SymbolicExecutor {
    func execute(_ block: Block) {
        for s in block.statements { execute(s) }
    }

    func execute(_ s: Stmt) {
        if pc.boolLiteralValue == false { return }
        if let rule, executeRuleStatement(s, rule) { return }
        switch s.kind {
        case .variable(let v, let initializer):
            let t = model.variableTypes[v.id] ?? .uint(256)
            if model.storageLocals.contains(v.id), let initializer, let (root, path) = lvalue(initializer),
                case .state(let i) = root
            {
                locals[v.id] = .storage(variable: i, path: path)
            } else {
                locals[v.id] = .value(initializer.map { eval($0) } ?? layout.zero(t))
            }
        case .tupleVariable(let vars, let initializer) where model.types[initializer.id]?.isTuple ?? false:
            guard case .record(let values) = eval(initializer) else { return }
            for (v, x) in zip(vars, values) { if let v { locals[v.id] = .value(x) } }
        case .tupleVariable(let vars, let initializer):
            // `(bool ok, bytes memory data) = to.call(...)`: the call's success and returned data.
            guard case .record(let result) = eval(initializer), result.count == 2 else { return }
            for (v, x) in zip(vars, result) { if let v { locals[v.id] = .value(x) } }
        case .expression(let e):
            _ = eval(e)
        case .block(let b):
            execute(b)
        case .unchecked(let b):
            execute(b)
        case .ifStmt(let c, let thenS, let elseS):
            let cond = eval(c).scalarTerm
            _ = branches(cond, { self.execute(thenS) }, { if let elseS { self.execute(elseS) } })
        case .forStmt(let initializer, let condition, let update, let body):
            if let initializer { execute(initializer) }
            if !summarizeLoop(condition: condition, body: body, update: update) {
                unroll(s.range, condition: condition, body: body, update: update)
            }
        case .whileStmt(let c, let body):
            if !summarizeLoop(condition: c, body: body, update: nil) {
                unroll(s.range, condition: c, body: body, update: nil)
            }
        case .breakStmt:
            loopExits[loopExits.count - 1].breaks.append(pc)
            pc = .false
        case .continueStmt:
            loopExits[loopExits.count - 1].continues.append(pc)
            pc = .false
        case .returnStmt(let value):
            if let value, let slots = returnSlots.last {
                let v = eval(value)
                if slots.count > 1, case .record(let values) = v {
                    for (slot, x) in zip(slots, values) { writeLocal(slot, [], x) }
                } else if let slot = slots.first {
                    writeLocal(slot, [], v)
                }
            }
            bodyExits[bodyExits.count - 1].exits.append(pc)
            pc = .false
        case .emit(_, let args):
            for a in args { _ = eval(a) }
        case .revertError(_, let args):
            for a in args { _ = eval(a) }
            revert(when: .true)
        case .delete(let target):
            assign(target, layout.zero(model.types[target.id] ?? .uint(256)))
        case .placeholder:
            placeholders.last?()
        case .ruleCall:
            break
        case .assembly:
            if let effects = model.assemblyEffects[s.id] { abstractAssembly(effects) }
        case .tryStmt(let t):
            executeTry(t)
        }
    }

    /// `try`: the call's failure is caught; on success the body runs with what it returned, on
    /// failure the clause that matches the failure's data: `catch Error(...)` for an
    /// `Error(string)`, `catch Panic(...)` for a `Panic(uint)`, else the clause that catches
    /// every failure (with no such clause, the failure reverts).
    func executeTry(_ t: TryStatement) {
        let saved = (tryCall, triedSuccess, triedFailure, tryClassifiesFailure)
        tryCall = t.call.id
        triedSuccess = nil
        triedFailure = nil
        tryClassifiesFailure = t.catches.contains { $0.kind != nil }
        let returned = eval(t.call)
        let success = triedSuccess ?? .true
        let failure = triedFailure
        (tryCall, triedSuccess, triedFailure, tryClassifiesFailure) = saved
        _ = branches(
            success,
            {
                if let v = t.returns.first { self.locals[v.id] = .value(returned) }
                self.execute(t.body)
            },
            { self.executeCatch(t.catches, failure) })
    }

    /// The `catch` clauses of a failed `try`: the typed ones where the data matches, in turn.
    private func executeCatch(_ catches: [CatchClause], _ failure: TriedFailure?) {
        var typed: [(Term, CatchClause, SymbolicValue)] = []
        if let failure {
            if let c = catches.first(where: { $0.kind?.name == "Error" }) {
                typed.append((failure.isError, c, failure.reason))
            }
            if let c = catches.first(where: { $0.kind?.name == "Panic" }) {
                typed.append((failure.isPanic, c, .scalar(failure.code)))
            }
        }
        func run(_ i: Int) {
            guard i < typed.count else {
                guard let clause = catches.first(where: { $0.kind == nil }) else {
                    revert(when: .true)
                    return
                }
                for p in clause.parameters { locals[p.id] = .value(anyBytes("catch.data")) }
                execute(clause.body)
                return
            }
            let (matches, clause, value) = typed[i]
            _ = branches(
                matches,
                {
                    for p in clause.parameters { self.locals[p.id] = .value(value) }
                    self.execute(clause.body)
                }, { run(i + 1) })
        }
        run(0)
    }

    /// Inline assembly, over-approximated (docs/LANGUAGE-REFERENCE.md, "Inline assembly"): on
    /// the current path the locals it assigns (and, where it writes memory, every local held in
    /// memory) take any value, the state any value where it writes storage or calls, and it may
    /// revert.
    func abstractAssembly(_ effects: AssemblyEffects) {
        usedAbstraction = true
        var havocked = Set(effects.assigned)
        if effects.writesMemory {
            for id in locals.keys where !(model.variableTypes[id]?.isValueType ?? true) { havocked.insert(id) }
        }
        for id in havocked.sorted(by: { $0.raw < $1.raw }) {
            guard case .value(let old)? = locals[id] else { continue }
            let t = model.variableTypes[id]
            let value: SymbolicValue =
                if case .scalar = old, let t, t.isValueType { .scalar(freshValue("assembly", t)) } else {
                    freshLike(old, "assembly")
                }
            writeLocal(id, [], value)
        }
        if effects.changesState {
            let before = state
            havocState()
            state = SymbolicState.merge(pc, state, before)
        }
        if effects.mayRevert { revert(when: fresh("assembly.reverts", .bool)) }
        if effects.mayEndCall {
            let ends = Term.and(pc, fresh("assembly.ends", .bool))
            if inProperty {
                // A property cannot tell what such a `view` function returned: it fails there.
                propertyFailures?.append(ends)
            } else {
                callExits.append(ends)
            }
            pc = Term.and(pc, Term.not(ends))
        }
    }

    /// Runs `body` as a call of its own (an entry point, the constructor, `this.f()`): a path
    /// that inline assembly ends (`return`, `stop`) resumes as the call's successful end.
    func runCall<T>(_ body: () -> T) -> T {
        let saved = callExits
        callExits = []
        let result = body()
        pc = Term.or(callExits + [pc])
        callExits = saved
        return result
    }

    /// Unrolls a loop `bounds.loops` times; a path that would iterate again is cut (excluded,
    /// and recorded so that results relying on the exclusion become `unknown`).
    private func unroll(_ range: SourceRange, condition: Expr?, body: Stmt, update: Expr?) {
        var exits: [Term] = []
        for _ in 0..<bounds.loops {
            let cond = condition.map { eval($0).scalarTerm } ?? .true
            exits.append(Term.and(pc, Term.not(cond)))
            pc = Term.and(pc, cond)
            if pc.boolLiteralValue == false { break }
            loopExits.append(LoopExits())
            execute(body)
            let l = loopExits.removeLast()
            exits.append(contentsOf: l.breaks)
            pc = Term.or(l.continues + [pc])
            if let update { _ = eval(update) }
        }
        if pc.boolLiteralValue != false {
            let cond = condition.map { eval($0).scalarTerm } ?? .true
            exits.append(Term.and(pc, Term.not(cond)))
            let cut = Term.and(pc, cond)
            if cut.boolLiteralValue != false { loopCuts.append(LoopCut(condition: cut, loop: range)) }
        }
        pc = Term.or(exits)
    }
}
