import BigInt
import VigilBasics
import VigilSema
import VigilSyntax

/// How a statement ended.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    /// A `return`: leaves the function body or the modifier it is in.
    case returned
}

extension Machine {
    func executeBlock(_ block: Block) throws(Interruption) -> Flow {
        for s in block.statements {
            let flow = try execute(s)
            if flow != .normal { return flow }
        }
        return .normal
    }

    func execute(_ s: Stmt) throws(Interruption) -> Flow {
        try tick()
        switch s.kind {
        case .variable(let v, let initializer):
            try declare(v, initializer: initializer)
            return .normal
        case .tupleVariable(let variables, let initializer) where type(of: initializer).isTuple:
            guard case .structure(let values) = try evaluate(initializer) else {
                throw .mismatch("internal: a tuple without values")
            }
            for (v, x) in zip(variables, values) { if let v { frames[activeFrame].values[v.id] = x } }
            return .normal
        case .tupleVariable(let variables, let initializer):
            // `(bool ok, bytes memory data) = to.call(...)`: the call's success and returned data.
            guard case .structure(let result) = try evaluate(initializer), result.count == 2 else {
                throw .mismatch("internal: a call without its result")
            }
            for (v, x) in zip(variables, result) { if let v { frames[activeFrame].values[v.id] = x } }
            return .normal
        case .expression(let e):
            _ = try evaluate(e)
            return .normal
        case .block(let b), .unchecked(let b):
            return try executeBlock(b)
        case .ifStmt(let condition, let thenBranch, let elseBranch):
            if try evaluateBool(condition) { return try execute(thenBranch) }
            if let elseBranch { return try execute(elseBranch) }
            return .normal
        case .forStmt(let initializer, let condition, let update, let body):
            if let initializer { _ = try execute(initializer) }
            return try loop(s, condition: condition, update: update, body: body)
        case .whileStmt(let condition, let body):
            return try loop(s, condition: condition, update: nil, body: body)
        case .breakStmt:
            return .breakLoop
        case .continueStmt:
            return .continueLoop
        case .returnStmt(let value):
            if let value {
                let v = try evaluate(value)
                let slots = frames[activeFrame].returnSlots
                guard !slots.isEmpty else { throw .mismatch("internal: a return value outside a function") }
                if slots.count > 1, case .structure(let values) = v {
                    for (slot, x) in zip(slots, values) { frames[activeFrame].values[slot] = x }
                } else {
                    frames[activeFrame].values[slots[0]] = v
                }
            }
            return .returned
        case .emit(let event, let arguments):
            let values = try evaluateAll(arguments)
            try recordEvent(model.emittedEvents[s.id], named: event.name, arguments: arguments, values: values, at: s)
            return .normal
        case .revertError(let error, let arguments):
            _ = try evaluateAll(arguments)
            throw .revert("custom error \(error.name)")
        case .delete(let target):
            try write(try lvalue(target), zeros.zero(of: type(of: target)))
            return .normal
        case .placeholder:
            guard let chain = frames[activeFrame].placeholder else {
                throw .mismatch("internal: '_' outside a modifier")
            }
            let saved = activeFrame
            try runModifierChain(
                ModifierChain(function: chain.function, index: chain.index + 1, functionFrame: chain.functionFrame))
            activeFrame = saved
            return .normal
        case .ruleCall:
            throw .mismatch("rules are replayed elsewhere")
        case .tryStmt(let t):
            let saved = (tryCall, triedCallFailed, tryClassifiesFailure, triedFailure)
            tryCall = t.call.id
            triedCallFailed = false
            tryClassifiesFailure = t.catches.contains { $0.kind != nil }
            triedFailure = nil
            let value: Value
            do {
                value = try evaluate(t.call)
            } catch {
                (tryCall, triedCallFailed, tryClassifiesFailure, triedFailure) = saved
                throw error
            }
            let (failed, failure) = (triedCallFailed, triedFailure)
            (tryCall, triedCallFailed, tryClassifiesFailure, triedFailure) = saved
            if !failed {
                if let v = t.returns.first { frames[activeFrame].values[v.id] = value }
                return try executeBlock(t.body)
            }
            // The clause that matches the failure's data, else the one that catches every failure.
            let typed: String? =
                switch failure?.data {
                case .error?: "Error"
                case .panic?: "Panic"
                default: nil
                }
            if let typed, let clause = t.catches.first(where: { $0.kind?.name == typed }) {
                for p in clause.parameters { frames[activeFrame].values[p.id] = failure?.value ?? .none }
                return try executeBlock(clause.body)
            }
            guard let clause = t.catches.first(where: { $0.kind == nil }) else {
                throw .revert("the call at line \(line(of: t.call.range)) failed, and no 'catch' clause catches it")
            }
            for p in clause.parameters { frames[activeFrame].values[p.id] = Value.none }
            return try executeBlock(clause.body)
        case .assembly:
            // The engines over-approximate assembly; a trace through it is not confirmed.
            throw .unconfirmable(
                "inline assembly at \(model.sources.briefly(s.range)) is abstracted, and the interpreter does not run it"
            )
        }
    }

    private func declare(_ v: VariableDecl, initializer: Expr?) throws(Interruption) {
        if model.storageLocals.contains(v.id) {
            guard let initializer else { throw .mismatch("internal: a storage local without a location") }
            frames[activeFrame].storageReferences[v.id] = try lvalue(initializer)
            return
        }
        let value = try initializer.map { e throws(Interruption) in try evaluate(e) }
        frames[activeFrame].storageReferences[v.id] = nil
        frames[activeFrame].values[v.id] = value ?? zeros.zero(of: model.variableTypes[v.id] ?? .void)
    }

    private func loop(_ s: Stmt, condition: Expr?, update: Expr?, body: Stmt) throws(Interruption) -> Flow {
        var iterations = 0
        while true {
            if let condition, !(try evaluateBool(condition)) { break }
            iterations += 1
            if iterations > ReplayLimits.loopIterations {
                throw .mismatch(
                    "execution too long: the loop at line \(line(of: s.range)) runs more than "
                        + "\(ReplayLimits.loopIterations) times")
            }
            let flow = try execute(body)
            if flow == .breakLoop { break }
            if flow == .returned { return .returned }
            if let update { _ = try evaluate(update) }
        }
        return .normal
    }
}
