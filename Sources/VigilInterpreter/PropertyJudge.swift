import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

/// A property's truth value, and whether it is certain: a quantifier over a large domain is
/// tried on a finite candidate set, so its result can be inexact.
struct Judgement {
    var value: Bool
    var exact: Bool
}

// Judging invariants and `ensures` (asserts are judged where they run, in `CallEvaluator`).

extension Machine {
    /// Judges the invariant in the current (committed) state.
    func judgeInvariant() throws(Interruption) {
        guard violation == nil, let invariant = judgedInvariant else { return }
        let (holds, parts) = try judgeProperty(invariant.expression, context: PropertyContext(), locals: [:])
        if !holds { violation = Violation(line: line(of: invariant.range), parts: parts) }
    }

    /// Judges the `ensures` clauses of `function` as it returns from an external entry: parameters
    /// and `old(...)` at their entry values, `result` the returned value.
    func judgeEnsures(
        _ function: FunctionInfo, entryState: ContractState, arguments: [Value], result: Value?
    ) throws(Interruption) {
        for clause in judgedEnsures where clause.function == function.name && function.kind == .function {
            guard violation == nil else { return }
            var locals: [NodeID: Value] = [:]
            for (p, a) in zip(function.decl.parameters, arguments) { locals[p.id] = a }
            let context = PropertyContext(result: result, entryState: entryState)
            let (holds, parts) = try judgeProperty(clause.expression, context: context, locals: locals)
            if !holds { violation = Violation(line: line(of: clause.range), parts: parts) }
        }
    }

    /// The addresses named by `trusted`, evaluated in the current state.
    func evaluateTrusted() throws(Interruption) -> Set<BigInt> {
        var addresses: Set<BigInt> = []
        for e in contract.trusted {
            do {
                var none: [NodeID: Value] = [:]
                let value = try inPropertyScope(PropertyContext(), locals: &none) { () throws(Interruption) in
                    try evaluateNumber(e)
                }
                addresses.insert(value)
            } catch {
                guard case .propertyFalse = error else { throw error }
                throw .mismatch("the trusted address '\(text(of: e.range))' has no value here")
            }
        }
        return addresses
    }

    /// Evaluates a property; a false result that rests on an inexact quantifier is a mismatch.
    func judgeProperty(
        _ e: Expr, context: PropertyContext, locals: [NodeID: Value]
    ) throws(Interruption) -> (holds: Bool, parts: [NamedValue]) {
        let parts = propertyParts(of: e)
        let savedIDs = recordedIDs
        let savedValues = recorded
        recordedIDs = Set(parts.map(\.id))
        recorded = [:]
        defer {
            recordedIDs = savedIDs
            recorded = savedValues
        }
        let judgement: Judgement
        do {
            var scope = locals
            judgement = try inPropertyScope(context, locals: &scope) { () throws(Interruption) in try judge(e) }
        } catch {
            guard case .propertyFalse = error else { throw error }
            // A division by zero, or a revert in a view function it calls, makes the property false.
            judgement = Judgement(value: false, exact: true)
        }
        if !judgement.value, !judgement.exact {
            throw .unconfirmable(
                "an `exists` (or a `forall`) whose failure none of the interpreter's candidate values shows")
        }
        return (judgement.value, judgement.value ? [] : partValues(parts))
    }

    /// Runs `body` with a property frame: mathematical arithmetic, `result` and `old` available;
    /// `locals` gets back what the body assigned. A revert in code the property calls makes the
    /// property false (`propertyFalse`).
    func inPropertyScope<T>(
        _ context: PropertyContext, locals: inout [NodeID: Value], _ body: () throws(Interruption) -> T
    ) throws(Interruption) -> T {
        let savedContext = propertyContext
        let savedInexact = inexactQuantifierSeen
        propertyContext = context
        propertyDepth += 1
        inexactQuantifierSeen = false
        let saved = pushFrame(LocalFrame(values: locals))
        let frame = activeFrame
        defer {
            locals = frames[frame].values
            popFrames(to: saved)
            propertyDepth -= 1
            propertyContext = savedContext
            inexactQuantifierSeen = savedInexact
        }
        do {
            return try body()
        } catch {
            if case .revert = error { throw .propertyFalse }
            throw error
        }
    }

    // MARK: - Logic with exactness

    /// A boolean property expression with its exactness.
    func judge(_ e: Expr) throws(Interruption) -> Judgement {
        try tick()
        let j: Judgement
        switch e.kind {
        case .parenthesized(let inner):
            j = try judge(inner)
        case .unary(.not, let operand):
            let o = try judge(operand)
            j = Judgement(value: !o.value, exact: o.exact)
        case .binary(.and, let l, let r):
            let a = try judge(l)
            if !a.value {
                j = a
            } else {
                let b = try judge(r)
                j = b.value ? Judgement(value: true, exact: a.exact && b.exact) : b
            }
        case .binary(.or, let l, let r):
            let a = try judge(l)
            if a.value {
                j = a
            } else {
                let b = try judge(r)
                j = b.value ? b : Judgement(value: false, exact: a.exact && b.exact)
            }
        case .binary(.implies, let l, let r):
            let a = try judge(l)
            if !a.value {
                j = Judgement(value: true, exact: a.exact)
            } else {
                let b = try judge(r)
                j = b.value ? b : Judgement(value: false, exact: a.exact && b.exact)
            }
        case .conditional(let c, let x, let y):
            let condition = try judge(c)
            let chosen = try judge(condition.value ? x : y)
            j = Judgement(value: chosen.value, exact: condition.exact && chosen.exact)
        case .quantifier:
            j = try judgeQuantifier(e)
        default:
            let saved = inexactQuantifierSeen
            inexactQuantifierSeen = false
            let value = try evaluateBool(e)
            j = Judgement(value: value, exact: !inexactQuantifierSeen)
            inexactQuantifierSeen = saved || inexactQuantifierSeen
            return j  // `evaluate` recorded it already
        }
        if !recordedIDs.isEmpty, recordedIDs.contains(e.id) { recorded[e.id] = .bool(j.value) }
        return j
    }

    /// `forall`/`exists` over a finite candidate set. A counterexample (forall) or witness (exists)
    /// found exactly is exact; so is a result over a fully enumerated domain (bool, enums).
    func judgeQuantifier(_ e: Expr) throws(Interruption) -> Judgement {
        guard case .quantifier(let kind, let variable, let body) = e.kind else {
            throw .mismatch("internal: not a quantifier")
        }
        guard frames.indices.contains(activeFrame) else { throw .mismatch("internal: no frame") }
        let t = model.variableTypes[variable.id] ?? .void
        let (candidates, complete) = quantifierCandidates(t)
        let frame = activeFrame
        let previous = frames[frame].values[variable.id]
        defer { frames[frame].values[variable.id] = previous }
        let decisive = kind == .exists  // the body value that decides the quantifier
        var decidedInexactly = false
        var allExact = true
        for c in candidates {
            frames[frame].values[variable.id] = t == .bool ? .bool(c != 0) : .int(c)
            let j = try judge(body)
            if j.value == decisive {
                if j.exact { return Judgement(value: decisive, exact: true) }
                decidedInexactly = true
            }
            if !j.exact { allExact = false }
        }
        if decidedInexactly { return Judgement(value: decisive, exact: false) }
        return Judgement(value: !decisive, exact: complete && allExact)
    }

    /// 0, 1, the type's bounds, every mapping key in state, the schedule's values and every
    /// constant of the model, restricted to the type; a bool or an enum is enumerated completely.
    private func quantifierCandidates(_ t: SolType) -> ([BigInt], complete: Bool) {
        switch t {
        case .bool:
            return ([0, 1], true)
        case .enumType(_, let count):
            return ((0..<max(0, count)).map { BigInt($0) }, true)
        case .uint, .int, .address, .interface:
            var set: Set<BigInt> = [0, 1, t.minValue, t.maxValue]
            set.formUnion(scheduleCandidates)
            set.formUnion(model.constants.values)
            for v in state.variables { v.collectKeys(into: &set) }
            if let entry = propertyContext?.entryState {
                for v in entry.variables { v.collectKeys(into: &set) }
            }
            return (set.filter { t.contains($0) }.sorted(), false)
        default:
            return ([], false)
        }
    }

    /// `old(e)`: `e` in the state at the function's entry.
    func evaluateOld(_ e: Expr) throws(Interruption) -> Value {
        guard let entry = propertyContext?.entryState else { throw .mismatch("old(...) outside an ensures") }
        let current = state
        state = entry
        defer { state = current }
        return try evaluate(e)
    }

    // MARK: - Parts

    /// The sub-expressions a failure shows: the operands of comparisons, found through `&&`,
    /// `||`, `!` and `==>`; any other expression is its own part. Literals are left out.
    func propertyParts(of e: Expr) -> [Expr] {
        var parts: [Expr] = []
        var names: Set<String> = []
        func add(_ x: Expr) {
            if isLiteral(x) { return }
            let name = text(of: x.range)
            if names.insert(name).inserted { parts.append(x) }
        }
        func visit(_ x: Expr) {
            switch x.kind {
            case .parenthesized(let inner):
                visit(inner)
            case .unary(.not, let operand):
                visit(operand)
            case .binary(let op, let l, let r):
                switch op {
                case .and, .or, .implies:
                    visit(l)
                    visit(r)
                case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
                    add(l)
                    add(r)
                default:
                    add(x)
                }
            default:
                add(x)
            }
        }
        visit(e)
        return parts
    }

    private func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .bool, .string: true
        case .parenthesized(let inner), .unary(.negate, let inner): isLiteral(inner)
        default: false
        }
    }

    /// The recorded values of the parts, named by their source text.
    func partValues(_ parts: [Expr]) -> [NamedValue] {
        parts.compactMap { p in
            guard let v = recorded[p.id] else { return nil }
            return NamedValue(name: text(of: p.range), value: traceValue(v, type: type(of: p)))
        }
    }
}
