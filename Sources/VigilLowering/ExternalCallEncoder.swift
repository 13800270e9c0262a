import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax

extension SymbolicExecutor {
    // MARK: - Handing over control

    /// `to.call{value: v}(data)`: the value leaves, the environment may re-enter, and the call
    /// returns any bool; `false` undoes everything inside it. Returns the call's `ok` and the
    /// data it returned or failed with (any bytes, which the schedule records).
    func encodeLowLevelCall(target: Term, value: Term, site: SourceRange) -> SymbolicValue {
        let canSend = Term.le(value, state.balance)
        let before = state
        let outer = pc
        pc = Term.and(outer, canSend)
        state.balance = Term.ite(pc, Term.sub(state.balance, value), state.balance)
        let (forced, slots) = encodeHandoverCalls(at: site)
        let success = fresh("call.ok", .bool)
        // Opaque data (a run that never reads bytes contents) costs nothing and has no place in
        // the schedule.
        let data: (SymbolicValue, ArgumentTerms?) =
            model.bytesContents ? freshArgument("call.data", .bytes) : (.scalar(.int(0)), nil)
        record?.sites.append(
            .handover(guardTerm: pc, forcedEther: forced, slots: slots, success: success, returned: data.1))
        state = SymbolicState.merge(Term.and(pc, Term.not(success)), before, state)
        nameState()
        let ok = Term.and(pc, success)
        pc = outer
        return .record([.scalar(ok), data.0])
    }

    /// A call of an interface function that is not `view`: `value` ether leaves with it (too
    /// little reverts), the callee holds control (a handover), then the call returns a value of
    /// its type or reverts; a `try` catches the failure, which undoes what the call did.
    func encodeInterfaceCall(returnType: SolType?, value: Term, caught: Bool, site: SourceRange) -> SymbolicValue {
        let call = payForCall(value, caught: caught)
        let (forced, slots) = encodeHandoverCalls(at: site)
        let success = fresh("icall.ok", .bool)
        let returned = returnType.map { freshArgument("icall.ret", $0) }
        record?.sites.append(
            .handover(guardTerm: pc, forcedEther: forced, slots: slots, success: success, returned: returned?.1))
        settleCall(call, success: success, caught: caught)
        return returned?.0 ?? .scalar(.true)
    }

    /// `new C{value: v}(...)`: the value leaves with the creation (too little ether reverts),
    /// the new contract's code runs (a handover: Vigil treats it as code outside the run), and
    /// the creation yields a fresh address, neither zero nor this contract's, or reverts.
    func encodeCreation(value: Term, caught: Bool, site: SourceRange) -> Term {
        let call = payForCall(value, caught: caught)
        let (forced, slots) = encodeHandoverCalls(at: site)
        let success = fresh("new.ok", .bool)
        let address = freshValue("new.address", .address(payable: false))
        constraints.append(Term.gt(address, .int(0)))
        constraints.append(Term.not(Term.eq(address, thisAddress)))
        // A new contract's address is nobody's yet: not the sender's, not the origin's.
        constraints.append(Term.not(Term.eq(address, environment.sender)))
        constraints.append(Term.not(Term.eq(address, environment.origin)))
        record?.sites.append(
            .handover(guardTerm: pc, forcedEther: forced, slots: slots, success: success, returned: .value(address)))
        settleCall(call, success: success, caught: caught)
        return address
    }

    /// Where an external call that sends `value` starts: the path and state before it, and
    /// whether the contract can pay. Too little ether reverts, or fails the call a `try` catches;
    /// the value leaves on the path that goes on.
    private func payForCall(_ value: Term, caught: Bool) -> (outer: Term, before: SymbolicState, canPay: Term) {
        let outer = pc
        let before = state
        if value == .int(0) { return (outer, before, .true) }
        let canPay = Term.le(value, state.balance)
        if caught { pc = Term.and(outer, canPay) } else { revert(when: Term.not(canPay)) }
        state.balance = Term.ite(pc, Term.sub(state.balance, value), state.balance)
        return (outer, before, canPay)
    }

    /// After the callee held control: a failure reverts, or, caught by a `try`, undoes the call
    /// (`triedSuccess` tells the clauses apart).
    private func settleCall(_ call: (outer: Term, before: SymbolicState, canPay: Term), success: Term, caught: Bool) {
        if caught {
            let done = Term.and(call.canPay, success)
            triedSuccess = done
            classifyFailure(where: Term.and(call.canPay, Term.not(success)))
            state = SymbolicState.merge(Term.and(call.outer, Term.not(done)), call.before, state)
            pc = call.outer
        } else {
            revert(when: Term.not(success))
        }
    }

    /// For a `try` with `catch Error(...)` or `catch Panic(...)` clauses: the data the callee
    /// failed with where `failed` holds, `Error(string)` with any reason, `Panic(uint)` with any
    /// code or other data, as the environment chooses (a site of its own). A failure of this
    /// contract's own (too little ether) has no data.
    private func classifyFailure(where failed: Term) {
        guard tryClassifiesFailure else { return }
        let kind = fresh("catch.kind", .int)
        let code = freshValue("catch.panic", .uint(256))
        let (reason, terms): (SymbolicValue, ArgumentTerms?) =
            model.bytesContents ? freshArgument("catch.reason", .string) : (.scalar(.int(0)), nil)
        record?.sites.append(.callFailure(guardTerm: Term.and(pc, failed), kind: kind, code: code, reason: terms))
        triedFailure = TriedFailure(
            isError: Term.and(failed, Term.eq(kind, .int(1))), isPanic: Term.and(failed, Term.eq(kind, .int(2))),
            reason: reason, code: code)
    }

    /// While an external account holds control: ether may be forced in, then up to W calls of
    /// the contract's entry points, nested up to R levels (none during the constructor). How
    /// many of them may return there is noted for the call at `site` (`handoverCandidates`).
    private func encodeHandoverCalls(at site: SourceRange) -> (Term, [SlotRecord]) {
        let forced = freshValue("handover.forced", .uint(256))
        amountChoices.append(forced)
        forcedEtherChoices.append(forced)
        addEther(forced)
        let level = environment.level
        if level >= 0 { handedOver = true }
        if let horn, level >= 0 {
            summariseCalls(horn)
            return (forced, [])
        }
        guard level >= 0, level < bounds.reentrancy, pc.boolLiteralValue != false else { return (forced, []) }
        let trusted = contract.trusted.map { eval($0).scalarTerm }
        var slots: [SlotRecord] = []
        let handoverPC = pc
        // The calls run from the state as it is where control is handed over, so a guard on a
        // value written on the way (a lock) folds, and a call it stops costs nothing; elsewhere
        // the state stays as it was.
        let outside = state
        state = state.resolved(under: handoverPC)
        for i in 0..<bounds.reentrantCalls {
            let makes = fresh("reenter\(level + 1).\(i)", .bool)
            reentryChoices.append(makes)
            let slotGuard = Term.and(handoverPC, makes)
            let sender = freshSender("reenter.sender")
            for t in trusted { constraints.append(Term.implies(slotGuard, Term.not(Term.eq(sender, t)))) }
            let selector = fresh("reenter.fn", .int)
            constraints.append(Term.ge(selector, .int(0)))
            constraints.append(Term.lt(selector, .int(entryPoints.count)))
            let env = CallEnvironment(
                sender: sender, value: .int(0), origin: environment.origin, timestamp: environment.timestamp,
                blockNumber: environment.blockNumber, level: level + 1)
            let candidates = runEntryChoice(guardTerm: slotGuard, selector: selector, environment: env)
            slots.append(SlotRecord(guardTerm: slotGuard, selector: selector, candidates: candidates))
        }
        pc = handoverPC
        state = SymbolicState.merge(handoverPC, state, outside)
        let kept = slots.map { $0.candidates.filter(\.mayReturn).count }.max() ?? 0
        handoverCandidates[site] = HandoverCandidates(kept: kept, offered: entryPoints.count).merged(
            with: handoverCandidates[site])
        return (forced, slots)
    }

    /// `delegatecall`, returning its success and any returned bytes. To the contract's own
    /// address (multicall's `Address.functionDelegateCall(address(this), data)`) the data runs
    /// one of its entry points (a site of its own records which), or none, which fails; with
    /// this call's sender and value (no ether arrives) and no handover: a revert inside undoes
    /// it and returns false. The Horn encoding summarises it by `Ext` where no value came with
    /// the call and the sender is not the contract itself (one call of an entry point by the
    /// sender is among what `Ext` covers). Any other `delegatecall` is code outside the run with
    /// this contract's storage: any state and balance after it. A `delegatecall` to the
    /// contract itself inside a delegated call is not followed by the bounded engine (the path
    /// is cut).
    func encodeDelegateCall(_ e: Expr, target: Term) -> SymbolicValue {
        let outer = pc
        var isSelf = Term.eq(target, thisAddress)
        if horn == nil, delegationDepth > 0 {
            let cut = Term.and(outer, isSelf)
            if cut.boolLiteralValue != false {
                loopCuts.append(LoopCut(condition: cut, loop: e.range, isDelegation: true))
            }
            pc = Term.and(outer, Term.not(isSelf))
            isSelf = .false
        }
        if horn != nil {
            // `Ext` covers calls from any sender but this contract (whose only calls of its own
            // are `this.f()`, which name it as the sender).
            let summarised =
                environment.value == .int(0) && environment.level >= 0 && environment.sender != thisAddress
            if !summarised { isSelf = .false }
        }
        var ok = fresh("delegatecall.ok", .bool)
        if isSelf.boolLiteralValue != true, pc.boolLiteralValue != false {
            usedAbstraction = true
            let before = state
            pc = Term.and(pc, Term.not(isSelf))
            havocState()
            state = SymbolicState.merge(pc, state, before)
        }
        if isSelf.boolLiteralValue != false {
            pc = Term.and(outer, isSelf)
            if let horn {
                summariseCalls(horn)
            } else {
                ok = Term.ite(isSelf, runSelfDelegateCall(), ok)
            }
        }
        pc = outer
        return .record([.scalar(ok), anyBytes("delegatecall.data")])
    }

    /// The bounded engine's `delegatecall` to the contract itself on the current path: one of
    /// the entry points (`view` ones too, which the encoding leaves out elsewhere: one that
    /// runs succeeds), or none; whether it succeeded.
    private func runSelfDelegateCall() -> Term {
        let selfPC = pc
        let functions = contract.entryPoints
        let selector = fresh("delegate.fn", .int)
        constraints.append(Term.ge(selector, .int(0)))
        constraints.append(Term.le(selector, .int(functions.count)))
        let matched = Term.lt(selector, .int(functions.count))
        let env = CallEnvironment(
            sender: environment.sender, value: .int(0), origin: environment.origin,
            timestamp: environment.timestamp, blockNumber: environment.blockNumber, level: environment.level)
        delegationDepth += 1
        let candidates = runEntryChoice(
            guardTerm: selfPC, selector: selector, environment: env, delegatedValue: environment.value,
            among: functions)
        delegationDepth -= 1
        let reverted = Term.or(
            candidates.enumerated().map { i, frame in Term.and(Term.eq(selector, .int(i)), frame.reverted) })
        record?.sites.append(
            .selfDelegateCall(
                guardTerm: selfPC,
                slot: SlotRecord(guardTerm: Term.and(selfPC, matched), selector: selector, candidates: candidates)))
        return Term.and(matched, Term.not(reverted))
    }

    /// In the Horn encoding: whatever calls of the contract's entry points can do from here,
    /// summarised: Ext(env, pre, post) on this path, the calls sharing this transaction's origin
    /// and block.
    private func summariseCalls(_ horn: HornRecorder) {
        let pre = state
        let post = freshState(like: state, "ext")
        let shared = horn.environmentArguments(environment)
        horn.handovers.append(
            (
                guardTerm: pc, predicate: "Pre", arguments: shared + pre.flattened,
                applicationsBefore: horn.applications.count
            ))
        horn.applications.append(Term.predicate("Ext", shared + pre.flattened + post.flattened))
        state = SymbolicState.merge(pc, post, pre)
    }

    /// Runs each entry point (of `functions`, by default those the encoding follows) from the
    /// current state under `guardTerm ∧ selector == i` and merges. With `delegatedValue`, each
    /// runs as a `delegatecall` to the contract itself does (see `runExternalFrame`).
    func runEntryChoice(
        guardTerm: Term, selector: Term, environment env: CallEnvironment, delegatedValue: Term? = nil,
        among functions: [FunctionInfo]? = nil
    ) -> [FrameRecord] {
        let start = state
        var outcomes: [(Term, SymbolicState)] = []
        var records: [FrameRecord] = []
        for (i, f) in (functions ?? entryPoints).enumerated() {
            state = start
            let chosen = Term.and(guardTerm, Term.eq(selector, .int(i)))
            records.append(runExternalFrame(f, guardTerm: chosen, environment: env, delegatedValue: delegatedValue))
            outcomes.append((Term.eq(selector, .int(i)), state))
        }
        state = SymbolicState.select(outcomes, else: start)
        nameState()
        return records
    }

    /// One external call of an entry point: a revert boundary, with `ensures` judged at a successful return.
    /// Arguments and value are fresh choices unless given (a rule's call states them). With
    /// `delegatedValue` it runs as a `delegatecall` to the contract itself: with the caller's
    /// value as `msg.value`, which does not arrive again (a function that is not payable reverts
    /// where it is not zero).
    @discardableResult
    func runExternalFrame(
        _ f: FunctionInfo, guardTerm: Term, environment env: CallEnvironment, arguments given: [SymbolicValue]? = nil,
        value givenValue: Term? = nil, delegatedValue: Term? = nil
    ) -> FrameRecord {
        let savedPC = pc
        let savedReverted = frameReverted
        let savedEnv = environment
        let savedLocals = locals
        let savedRecord = record
        let savedExits = bodyExits
        let before = state

        pc = guardTerm
        frameReverted = .false
        locals = [:]
        let value =
            delegatedValue ?? givenValue ?? (f.isPayable ? freshValue("\(f.name).value", .uint(256)) : Term.int(0))
        environment = env
        environment.value = value
        if !model.selectors.isEmpty {
            // `receive` runs on empty call data; `fallback` on any.
            environment.selector =
                model.selectors[f.decl.id].map { .int($0) }
                ?? (f.kind == .fallback ? freshValue("\(f.name).sig", .fixedBytes(4)) : .int(0))
        }
        let args =
            given.map { $0.map { ($0, ArgumentTerms.value($0.term ?? .int(0))) } }
            ?? zip(f.decl.parameters, f.parameterTypes).map { p, t in
                freshArgument("\(f.name).\(p.name?.name ?? "arg")", t)
            }
        let frame = FrameRecord(function: f, arguments: args.map(\.1), sender: env.sender, value: value)
        amountChoices.append(value)
        amountChoices += zip(args, f.parameterTypes).filter { $0.1.isInteger }.compactMap { $0.0.0.term }
        record = frame
        for (p, a) in zip(f.decl.parameters, args) { locals[p.id] = .value(a.0) }
        if delegatedValue == nil {
            addEther(value)
        } else if !f.isPayable {
            revert(when: Term.not(Term.eq(value, .int(0))))
        }
        let entryState = state
        let entryLocals = locals
        let result = runCall { runFunctionBody(f) }
        let succeeded = pc
        frame.mayReturn = succeeded.boolLiteralValue != false
        // `ensures` sees the parameters as they were passed.
        locals = entryLocals
        for ensures in contract.ensures where ensures.function == f.name {
            let holds = judgeProperty(ensures.expression, old: entryState, oldLocals: entryLocals, result: result)
            violations[ensures.name, default: []].append(Term.and(succeeded, Term.not(holds)))
            reaches[ensures.name, default: []].append(succeeded)
        }
        state = SymbolicState.merge(frameReverted, before, state)
        frame.reverted = frameReverted

        pc = savedPC
        frameReverted = savedReverted
        environment = savedEnv
        locals = savedLocals
        record = savedRecord
        bodyExits = savedExits
        return frame
    }

    // MARK: - Ether and values from outside

    /// A state of fresh constants (named after `prefix`) shaped like `s`.
    func freshState(like s: SymbolicState, _ prefix: String) -> SymbolicState {
        var fresh = s
        fresh.variables = s.variables.map { freshLike($0, prefix) }
        fresh.balance = self.fresh(prefix, .int)
        for (k, v) in s.sums.sorted(by: { $0.key < $1.key }) { fresh.sums[k] = self.fresh(prefix, v.sort) }
        for (k, v) in s.rowSums.sorted(by: { $0.key < $1.key }) { fresh.rowSums[k] = self.fresh(prefix, v.sort) }
        return fresh
    }

    /// A value of fresh constants (named after `prefix`) of the same shape and sorts as `v`.
    func freshLike(_ v: SymbolicValue, _ prefix: String) -> SymbolicValue {
        switch v {
        case .scalar(let t): .scalar(fresh(prefix, t.sort))
        case .array(let t): .array(fresh(prefix, t.sort))
        case .record(let fields): .record(fields.map { freshLike($0, prefix) })
        }
    }

    /// `transfer` (reverts on failure) or `send` (returns whether it sent); neither can re-enter.
    func encodeEtherSend(amount: Term, isTransfer: Bool) -> Term {
        let canSend = Term.le(amount, state.balance)
        let accepted = fresh(isTransfer ? "transfer.ok" : "send.ok", .bool)
        record?.sites.append(.etherSent(guardTerm: Term.and(pc, canSend), success: accepted))
        let sent = Term.and(canSend, accepted)
        if isTransfer { revert(when: Term.not(sent)) }
        let debit = Term.and(pc, sent)
        state.balance = Term.ite(debit, Term.sub(state.balance, amount), state.balance)
        return sent
    }

    /// A `view` interface call: any value, a different one at every call. A `try` also lets it
    /// fail (a site of its own before the value's, 1 or 0), which the `catch` clause handles.
    func readViewCall(_ returnType: SolType?, caught: Bool) -> SymbolicValue {
        var returns = pc
        if caught {
            let ok = fresh("view.ok", .bool)
            record?.sites.append(.viewCall(guardTerm: pc, value: .value(ok)))
            triedSuccess = ok
            classifyFailure(where: Term.not(ok))
            returns = Term.and(pc, ok)
        }
        let (value, terms) = freshArgument("view.ret", returnType ?? .uint(256))
        record?.sites.append(.viewCall(guardTerm: returns, value: terms))
        return value
    }

    /// `a.balance` for an address that is not the contract: any value.
    func readOtherBalance(_ address: Term) -> SymbolicValue {
        let isThis = Term.eq(address, thisAddress)
        let v = freshValue("balance.of", .uint(256))
        record?.sites.append(.otherBalance(guardTerm: Term.and(pc, Term.not(isThis)), value: v))
        return .scalar(Term.ite(isThis, state.balance, v))
    }

    /// `a.code.length`: one value per address in a run; the code at `this` is not empty, except
    /// while its constructor runs.
    func readCodeSize(_ address: Term) -> SymbolicValue {
        let sizes = Term.constant("codesize", .array(index: .int, element: .int))
        let size = Term.select(sizes, address)
        constraints.append(Term.ge(size, .int(0)))
        constraints.append(Term.gt(Term.select(sizes, thisAddress), .int(0)))
        let value =
            record?.function.kind == .constructor ? Term.ite(Term.eq(address, thisAddress), .int(0), size) : size
        record?.sites.append(.codeSize(guardTerm: pc, value: value))
        return .scalar(value)
    }

    // MARK: - Properties

    /// The truth of a property expression in the current state (mathematical integers);
    /// false where it divides by zero or a function it calls reverts.
    func judgeProperty(
        _ e: Expr, old: SymbolicState? = nil, oldLocals: [NodeID: LocalBinding] = [:], result: SymbolicValue? = nil
    ) -> Term {
        let savedPC = pc
        let savedReverted = frameReverted
        let savedRecord = record
        let savedOld = (oldState, self.oldLocals, resultValue)
        let savedFailures = propertyFailures
        pc = .true
        frameReverted = .false
        record = nil
        propertyFailures = []
        oldState = old
        self.oldLocals = oldLocals
        resultValue = result
        let value = eval(e).scalarTerm
        // Where the evaluation completes (a `view` function it calls returns): elsewhere the path
        // does not exist (a loop summary's tuple that is not an exit), so only a revert counts.
        let completed = pc
        let failed = Term.or((propertyFailures ?? []) + [frameReverted])
        propertyFailures = savedFailures
        (oldState, self.oldLocals, resultValue) = savedOld
        pc = savedPC
        frameReverted = savedReverted
        record = savedRecord
        return Term.and(Term.not(failed), Term.implies(completed, value))
    }
}

extension SymbolicExecutor {
    /// Replaces every part of the state by a fresh constant equal to it, so later terms stay small.
    func nameState() {
        func name(_ v: SymbolicValue) -> SymbolicValue {
            switch v {
            case .scalar(let t):
                if t.boolLiteralValue != nil || t.intLiteralValue != nil { return v }
                let c = fresh("s", t.sort)
                constraints.append(Term.eq(c, t))
                if let r = ranges.range(t) { ranges.register(c, r.low, r.high) }
                return .scalar(c)
            case .array(let t):
                let c = fresh("s", t.sort)
                constraints.append(Term.eq(c, t))
                return .array(c)
            case .record(let fs): return .record(fs.map(name))
            }
        }
        state.variables = state.variables.map(name)
        state.balance = name(.scalar(state.balance)).scalarTerm
        for (k, v) in state.sums.sorted(by: { $0.key < $1.key }) { state.sums[k] = name(.scalar(v)).scalarTerm }
        for (k, v) in state.rowSums.sorted(by: { $0.key < $1.key }) { state.rowSums[k] = name(.array(v)).term! }
    }
}
