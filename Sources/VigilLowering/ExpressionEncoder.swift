import BigInt
import SMT
import VigilBasics
import VigilSema
import VigilSyntax

/// Where an assignable expression lives.
enum LValueRoot {
    case state(Int)
    case local(NodeID)
}

extension SymbolicExecutor {
    var inProperty: Bool { propertyFailures != nil }

    func type(of e: Expr) -> SolType { model.types[e.id] ?? .uint(256) }

    // MARK: - Values

    /// Evaluates an expression on the current path.
    func eval(_ e: Expr) -> SymbolicValue {
        let value = evalAsWritten(e)
        guard let shift = model.widenings[e.id] else { return value }
        return .scalar(Term.mul(value.scalarTerm, .int(BigInt(1) << shift)))
    }

    /// `e`'s value in its own type (before a `bytesN` widening, `SemanticModel.widenings`).
    private func evalAsWritten(_ e: Expr) -> SymbolicValue {
        if let c = model.constants[e.id] { return .scalar(.int(c)) }
        switch e.kind {
        case .number(let lit):
            return .scalar(.int(lit.value.integer ?? 0))
        case .bool(let b):
            return .scalar(.bool(b))
        case .string(let bytes):
            return bytesValue(bytes)
        case .parenthesized(let inner):
            return eval(inner)
        case .tuple(let components):
            return .record(components.map { $0.map { eval($0) } ?? .scalar(.int(0)) })
        case .arrayLiteral(let elements):
            // A fixed-size array in memory: its length, and the elements in order.
            var array = layout.zero(type(of: e))
            array = writePath(array, [.field(0)][...], .scalar(.int(BigInt(elements.count))))
            for (i, element) in elements.enumerated() {
                array = writePath(array, [.field(1), .index(.int(BigInt(i)))][...], eval(element))
            }
            return array
        case .identifier:
            return evalReference(e)
        case .member(let base, _):
            // `getStringSlot(store).value` is `store` (SemanticModel.storageAliases).
            if let aliased = model.storageAliases[e.id] { return eval(aliased) }
            switch model.references[e.id] {
            case .structField(_, let index)?:
                guard case .record(let fields) = eval(base) else { return .scalar(.int(0)) }
                return fields[index]
            case .otherBalance?:
                return readOtherBalance(eval(base).scalarTerm)
            case .codeSize?:
                guard case .member(let account, _) = base.kind else { return .scalar(.int(0)) }
                return readCodeSize(eval(account).scalarTerm)
            default:
                return evalReference(e)
            }
        case .slice(let base, let start, let end):
            let b = eval(base)
            let s = start.map { eval($0).scalarTerm }
            let bound = type(of: base) == .bytes ? max(bounds.loops, 64) : bounds.loops
            return slice(b, start: s, end: end.map { eval($0).scalarTerm }, bound: bound)
        case .index(let base, let index) where type(of: base).isFixedBytes:
            guard case .fixedBytes(let n) = type(of: base) else { return .scalar(.int(0)) }
            let v = eval(base).scalarTerm
            let k = eval(index).scalarTerm
            checkIndex(e, k, length: .int(BigInt(n)))
            let bytes = (0..<n).map { i in Term.mod(Term.div(v, .int(BigInt(1) << (8 * (n - 1 - i)))), .int(256)) }
            return .scalar(
                (0..<n).reversed().reduce(Term.int(0)) { rest, i in
                    Term.ite(Term.eq(k, .int(BigInt(i))), bytes[i], rest)
                })
        case .index(let base, let index) where model.array(type(of: base)) != nil:
            let array = model.array(type(of: base))!
            let b = eval(base)
            let k = eval(index).scalarTerm
            checkIndex(e, k, length: array.size.map { Term.int(BigInt($0)) } ?? readPath(b, [.field(0)]).scalarTerm)
            return readPath(b, [.field(1), .index(k)])
        case .index(let base, let index):
            let b = eval(base)
            let k = mappingKey(index, in: type(of: base))
            let value = readPath(b, [.index(k)])
            if horn != nil { noteEntryWithinSum(base, value) }
            return value
        case .call(let callee, let args):
            // The storage at a constant slot (`StorageSlot.getAddressSlot(SLOT)`) is a state variable.
            if case .stateVariable(let i)? = model.references[e.id] { return state.variables[i] }
            // `_unsafeAccess(arr, pos)` is `arr[pos]` (SemanticModel.storageAliases).
            if let aliased = model.storageAliases[e.id] { return eval(aliased) }
            return evalCall(e, callee: callee, arguments: args, value: nil)
        case .namedCall(let callee, _, let args):
            let order = model.namedArgumentOrder[e.id] ?? Array(args.indices)
            return evalCall(e, callee: callee, arguments: order.map { args[$0] }, value: nil)
        case .callOptions(let callee, let options, let args):
            let v = options.first { $0.name.name == "value" }.map { eval($0.value).scalarTerm }
            return evalCall(e, callee: callee, arguments: args, value: v)
        case .elementaryType, .typeQuery, .newContract, .newArray, .arrayType:
            return .scalar(.int(0))
        case .unary(let op, let operand):
            return .scalar(evalUnary(e, op, operand))
        case .binary(let op, let l, let r):
            return .scalar(evalBinary(e, op, l, r))
        case .assignment(let op, let lhs, let rhs) where op.binary != nil:
            return evalCompoundAssignment(e, op, lhs, rhs)
        case .assignment(let op, let lhs, let rhs):
            return evalAssignment(op, lhs, rhs)
        case .incrementDecrement(let isIncrement, let isPrefix, let operand):
            let old = eval(operand).scalarTerm
            let t = type(of: operand)
            let new = arithmetic(isIncrement ? .add : .subtract, old, .int(1), type: t, unchecked: isUnchecked(e))
            assign(operand, .scalar(new))
            return .scalar(isPrefix ? new : old)
        case .conditional(let c, let a, let b):
            let cond = eval(c).scalarTerm
            let (va, vb) = branches(cond, { self.eval(a) }, { self.eval(b) })
            return mergeValues(cond, va, vb)
        case .quantifier(let kind, let variable, let body):
            let t = model.variableTypes[variable.id] ?? .uint(256)
            let x = Term.constant("q!\(variable.id.raw)!\(counter)", t == .bool ? .bool : .int)
            counter += 1
            let saved = locals[variable.id]
            locals[variable.id] = .value(.scalar(x))
            let b = eval(body).scalarTerm
            locals[variable.id] = saved
            let range = t == .bool ? Term.true : Term.and(Term.ge(x, .int(t.minValue)), Term.le(x, .int(t.maxValue)))
            return .scalar(
                kind == .forall
                    ? Term.forall([x], Term.implies(range, b)) : Term.exists([x], Term.and(range, b)))
        }
    }

    /// For the Horn encoding: an entry of an unsigned mapping in state is between 0 and the
    /// mapping's sum, true in every real state, and a fact Spacer does not find by itself.
    private func noteEntryWithinSum(_ base: Expr, _ value: SymbolicValue) {
        guard case .stateVariable(let i)? = model.references[base.id],
            let sum = state.sums[SumKey(variable: i, fields: [])],
            case .mapping(_, let leaf) = contract.stateVariables[i].type, leaf.isInteger, !leaf.isSigned,
            case .scalar(let entry) = value
        else { return }
        constraints.append(Term.ge(entry, .int(0)))
        constraints.append(Term.le(entry, sum))
    }

    /// Runs two alternatives on the paths where `cond` holds and where it does not.
    func branches<T>(_ cond: Term, _ a: () -> T, _ b: () -> T) -> (T, T) {
        let saved = pc
        pc = Term.and(saved, cond)
        let va = a()
        let pcA = pc
        pc = Term.and(saved, Term.not(cond))
        let vb = b()
        pc = Term.or(pcA, pc)
        return (va, vb)
    }

    func isUnchecked(_ e: Expr) -> Bool { !inProperty && model.uncheckedExpressions.contains(e.id) }

    private func evalReference(_ e: Expr) -> SymbolicValue {
        switch model.references[e.id] {
        case .local(let id)?:
            switch locals[id] {
            case .value(let v)?: return v
            case .storage(let variable, let path)?: return readPath(state.variables[variable], path[...])
            case nil: return layout.zero(model.variableTypes[id] ?? .uint(256))
            }
        case .stateVariable(let i)?:
            let v = contract.stateVariables[i]
            if v.isConstant, let initializer = v.initializer { return eval(initializer) }
            return state.variables[i]
        case .this?: return .scalar(thisAddress)
        case .msgSender?: return .scalar(environment.sender)
        case .msgValue?: return .scalar(environment.value)
        case .txOrigin?: return .scalar(environment.origin)
        case .blockTimestamp?: return .scalar(environment.timestamp)
        case .blockNumber?: return .scalar(environment.blockNumber)
        case .selfBalance?: return .scalar(state.balance)
        case .result?: return resultValue ?? .scalar(.int(0))
        case .reverted?: return .scalar(rule?.reverted ?? .false)
        case .enumMember(_, let index)?: return .scalar(.int(index))
        case .function(let name)?: return .scalar(.int(BigInt(contract.functionValue(of: name))))
        case .msgData?: return anyBytes("msg.data")
        case .msgSig?: return .scalar(environment.selector)
        case .chainID?: return .scalar(chainID)
        case .environmentValue(let name)?:
            return .scalar(freshValue(name, name == "block.coinbase" ? .address(payable: true) : .uint(256)))
        default: return .scalar(.int(0))
        }
    }

    // MARK: - Operators

    private func evalUnary(_ e: Expr, _ op: UnaryOperator, _ operand: Expr) -> Term {
        let v = eval(operand).scalarTerm
        let t = type(of: e)
        switch op {
        case .not: return Term.not(v)
        case .negate:
            let r = Term.neg(v)
            if inProperty { return r }
            return isUnchecked(e) ? wrap(r, t) : checkedResult(r, t)
        case .bitNot:
            return t.isSigned ? Term.sub(Term.neg(v), .int(1)) : Term.sub(.int(t.maxValue), v)
        }
    }

    private func evalBinary(_ e: Expr, _ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Term {
        switch op {
        case .and, .or, .implies:
            let a = eval(l).scalarTerm
            let guardTerm = op == .or ? Term.not(a) : a
            let (b, _) = branches(guardTerm, { self.eval(r).scalarTerm }, { Term.true })
            switch op {
            case .and: return Term.and(a, b)
            case .or: return Term.or(a, b)
            default: return Term.implies(a, b)
            }
        default:
            break
        }
        let a = eval(l).scalarTerm
        let b = eval(r).scalarTerm
        noteBuiltInCheck(e, op, a, b, type: type(of: e))
        switch op {
        case .equal: return Term.eq(a, b)
        case .notEqual: return Term.not(Term.eq(a, b))
        case .less: return Term.lt(a, b)
        case .lessEqual: return Term.le(a, b)
        case .greater: return Term.gt(a, b)
        case .greaterEqual: return Term.ge(a, b)
        default:
            return arithmetic(op, a, b, type: type(of: e), unchecked: isUnchecked(e), rightOperand: r)
        }
    }

    /// An arithmetic or bitwise operation at type `type`: checked (reverting), wrapping, or
    /// mathematical in properties.
    func arithmetic(
        _ op: BinaryOperator, _ a: Term, _ b: Term, type t: SolType, unchecked: Bool, rightOperand: Expr? = nil
    ) -> Term {
        let constantRight = rightOperand.flatMap { model.constants[$0.id] } ?? b.intLiteralValue
        let raw: Term
        switch op {
        case .add: raw = Term.add(a, b)
        case .subtract: raw = Term.sub(a, b)
        case .multiply: raw = Term.mul(a, b)
        case .divide, .modulo:
            let zero = Term.eq(b, .int(0))
            if inProperty { propertyFailures?.append(Term.and(pc, zero)) } else { revert(when: zero) }
            raw =
                t.isSigned || inProperty
                ? truncatedDivision(op, a, b) : (op == .divide ? Term.div(a, b) : Term.mod(a, b))
            if op == .modulo || inProperty { return raw }
        case .power:
            guard let n = constantRight else {
                // A variable exponent: exact up to 8; beyond, any value of the type, and checked
                // arithmetic may overflow.
                let beyond = Term.gt(b, .int(8))
                raw = (0...8).reversed().reduce(abstracted(t)) { rest, k in
                    Term.ite(Term.eq(b, .int(BigInt(k))), power(a, BigInt(k)), rest)
                }
                if !unchecked && !inProperty { revert(when: Term.and(beyond, fresh("power.overflows", .bool))) }
                break
            }
            raw = power(a, n)
        case .shiftLeft:
            guard let n = constantRight, n <= 512 else { return abstracted(t) }
            let shifted = Term.mul(a, .int(BigInt(1) << Int(n)))
            return inProperty ? shifted : wrap(shifted, t)
        case .shiftRight:
            guard let n = constantRight, n <= 512 else { return abstracted(t) }
            return Term.div(a, .int(BigInt(1) << Int(n)))
        case .bitAnd, .bitOr, .bitXor:
            return bitwise(op, a, b, constantRight: constantRight, type: t)
        default:
            return abstracted(t)
        }
        if inProperty { return raw }
        return unchecked ? wrap(raw, t) : checkedResult(raw, t)
    }

    /// `&`, `|`, `^` in two's complement of the type's width: exact, bit by bit, when one operand
    /// is a constant or the type has at most 64 bits; otherwise abstracted.
    private func bitwise(_ op: BinaryOperator, _ a: Term, _ b: Term, constantRight: BigInt?, type t: SolType) -> Term {
        let width = t.isInteger ? t.bitWidth : 256
        let modulus = BigInt(1) << width
        func unsigned(_ x: Term) -> Term { t.isSigned ? Term.mod(x, .int(modulus)) : x }
        func bit(_ x: Term, _ i: Int) -> Term { Term.mod(Term.div(x, .int(BigInt(1) << i)), .int(2)) }
        let constant = constantRight ?? b.intLiteralValue
        let (x, c): (Term, BigInt?) =
            constant != nil
            ? (unsigned(a), constant)
            : (a.intLiteralValue != nil ? (unsigned(b), a.intLiteralValue) : (unsigned(a), nil))
        var result: Term
        if let c {
            let mask = c >= 0 ? c : c + modulus
            if op == .bitAnd, (mask + 1) & mask == 0 {
                result = Term.mod(x, .int(mask + 1))
            } else {
                let setBits = (0..<width).filter { (mask >> $0) & 1 == 1 }
                var terms: [Term] = op == .bitAnd ? [] : [x]
                for i in setBits {
                    let weight = Term.int(BigInt(1) << i)
                    let xi = bit(x, i)
                    switch op {
                    case .bitAnd: terms.append(Term.mul(xi, weight))
                    case .bitOr: terms.append(Term.mul(Term.sub(.int(1), xi), weight))
                    default: terms.append(Term.mul(Term.sub(.int(1), Term.mul(.int(2), xi)), weight))
                    }
                }
                result = Term.add(terms)
            }
        } else if width <= 64 {
            let y = unsigned(b)
            var terms: [Term] = []
            for i in 0..<width {
                let xi = Term.eq(bit(x, i), .int(1))
                let yi = Term.eq(bit(y, i), .int(1))
                let on: Term
                switch op {
                case .bitAnd: on = Term.and(xi, yi)
                case .bitOr: on = Term.or(xi, yi)
                default: on = Term.not(Term.eq(xi, yi))
                }
                terms.append(Term.ite(on, .int(BigInt(1) << i), .int(0)))
            }
            result = Term.add(terms)
        } else {
            return abstracted(t)
        }
        return t.isSigned ? wrap(result, t) : result
    }

    /// Division and remainder truncating toward zero, as Solidity's signed `/` and `%`.
    private func truncatedDivision(_ op: BinaryOperator, _ a: Term, _ b: Term) -> Term {
        let absA = Term.ite(Term.ge(a, .int(0)), a, Term.neg(a))
        let absB = Term.ite(Term.ge(b, .int(0)), b, Term.neg(b))
        let q = Term.div(absA, absB)
        let sameSign = Term.eq(Term.ge(a, .int(0)), Term.gt(b, .int(0)))
        let quotient = Term.ite(sameSign, q, Term.neg(q))
        return op == .divide ? quotient : Term.sub(a, Term.mul(b, quotient))
    }

    private func power(_ base: Term, _ exponent: BigInt) -> Term {
        var result = Term.int(1)
        var square = base
        var n = exponent
        while n > 0 {
            if n & 1 == 1 { result = Term.mul(result, square) }
            n >>= 1
            if n > 0 { square = Term.mul(square, square) }
        }
        return result
    }

    /// A value the encoding does not compute exactly: any value of the type. A trace that
    /// depends on it is confirmed or rejected by the interpreter.
    private func abstracted(_ t: SolType) -> Term {
        usedAbstraction = true
        return freshValue("abstract", t.isInteger ? t : .uint(256))
    }

    /// Reverts when `r` leaves the type's range; returns `r`.
    func checkedResult(_ r: Term, _ t: SolType) -> Term {
        guard t.isInteger, !ranges.within(r, t.minValue, t.maxValue) else { return r }
        revert(when: Term.or(Term.lt(r, .int(t.minValue)), Term.gt(r, .int(t.maxValue))))
        return r
    }

    /// Two's-complement wrapping into an integer type.
    func wrap(_ r: Term, _ t: SolType) -> Term {
        guard t.isInteger, !ranges.within(r, t.minValue, t.maxValue) else { return r }
        let modulus = BigInt(1) << t.bitWidth
        if t.isSigned {
            let half = BigInt(1) << (t.bitWidth - 1)
            return Term.sub(Term.mod(Term.add(r, .int(half)), .int(modulus)), .int(half))
        }
        return Term.mod(r, .int(modulus))
    }

    // MARK: - Assignment

    private func evalAssignment(_ op: AssignmentOperator, _ lhs: Expr, _ rhs: Expr) -> SymbolicValue {
        let value = eval(rhs)
        // `(a, , c) = rhs`: the whole right-hand side first, then each component written.
        if case .tuple(let targets) = lhs.kind, case .record(let values) = value {
            for (target, v) in zip(targets, values) { if let target { assign(target, v) } }
            return value
        }
        assign(lhs, value)
        return value
    }

    /// `lhs op= rhs` at the assignment `e`.
    private func evalCompoundAssignment(_ e: Expr, _ op: AssignmentOperator, _ lhs: Expr, _ rhs: Expr) -> SymbolicValue
    {
        guard let binary = op.binary else { return evalAssignment(op, lhs, rhs) }
        // The right-hand side first, then the target is read (as the interpreter and solc do).
        let r = eval(rhs).scalarTerm
        let old = eval(lhs).scalarTerm
        noteBuiltInCheck(e, binary, old, r, type: type(of: lhs))
        let value = SymbolicValue.scalar(
            arithmetic(binary, old, r, type: type(of: lhs), unchecked: isUnchecked(lhs), rightOperand: rhs))
        assign(lhs, value)
        return value
    }

    /// The built-in check at the arithmetic step `e`, if the code has one there: `panic@…` fails
    /// where the divisor `b` is zero, `unchecked@…` where the exact result of `a op b` leaves
    /// type `t`. Reached where the step runs.
    func noteBuiltInCheck(_ e: Expr, _ op: BinaryOperator, _ a: Term, _ b: Term, type t: SolType) {
        guard !inProperty, let check = builtInChecks[e.id], let kind = check.builtIn else { return }
        let failure: Term
        switch kind {
        case .divisionByZero:
            failure = Term.eq(b, .int(0))
        case .enumOutOfRange, .indexOutOfBounds, .emptyArrayPop:
            return
        case .uncheckedWrap:
            let exact = op == .add ? Term.add(a, b) : op == .subtract ? Term.sub(a, b) : Term.mul(a, b)
            failure = Term.or(Term.lt(exact, .int(t.minValue)), Term.gt(exact, .int(t.maxValue)))
        }
        judgeCodeCheck(check.name, failsWhen: failure)
    }

    /// The root and path of an assignable expression (keys are evaluated now).
    func lvalue(_ e: Expr) -> (LValueRoot, [Accessor])? {
        switch e.kind {
        case .parenthesized(let inner):
            return lvalue(inner)
        case .identifier:
            switch model.references[e.id] {
            case .stateVariable(let i)?: return (.state(i), [])
            case .local(let id)?:
                if case .storage(let variable, let path)? = locals[id] { return (.state(variable), path) }
                return (.local(id), [])
            default: return nil
            }
        case .index(let base, let index):
            guard let (root, path) = lvalue(base) else { return nil }
            if let array = model.array(type(of: base)) {
                let k = eval(index).scalarTerm
                let length = array.size.map { Term.int(BigInt($0)) } ?? read(root, path + [.field(0)]).scalarTerm
                checkIndex(e, k, length: length)
                return (root, path + [.field(1), .index(k)])
            }
            return (root, path + [.index(mappingKey(index, in: type(of: base)))])
        case .member(let base, _):
            if let aliased = model.storageAliases[e.id] { return lvalue(aliased) }
            // `A.x` inside contract `A` is its state variable `x`.
            if case .stateVariable(let i)? = model.references[e.id] { return (.state(i), []) }
            guard case .structField(_, let i)? = model.references[e.id], let (root, path) = lvalue(base) else {
                return nil
            }
            return (root, path + [.field(i)])
        case .call:
            if case .stateVariable(let i)? = model.references[e.id] { return (.state(i), []) }
            if let aliased = model.storageAliases[e.id] { return lvalue(aliased) }
            return nil
        default:
            return nil
        }
    }

    func assign(_ target: Expr, _ value: SymbolicValue) {
        guard let (root, path) = lvalue(target) else { return }
        write(root, path, value)
    }

    func write(_ root: LValueRoot, _ path: [Accessor], _ value: SymbolicValue) {
        switch root {
        case .state(let i): writeState(i, path, value)
        case .local(let id): writeLocal(id, path, value)
        }
    }

    /// The value at `path` below `root` now.
    func read(_ root: LValueRoot, _ path: [Accessor]) -> SymbolicValue {
        switch root {
        case .state(let i): return readPath(state.variables[i], path[...])
        case .local(let id):
            guard case .value(let v)? = locals[id] else { return .scalar(.int(0)) }
            return readPath(v, path[...])
        }
    }

    /// An array index `e`: the execution reverts where it is not below the length, and the
    /// built-in check there (`panic@…`) fails; not for an unchecked access (`unsafeIndexes`).
    func checkIndex(_ e: Expr, _ k: Term, length: Term) {
        guard !inProperty, !model.unsafeIndexes.contains(e.id) else { return }
        let outside = Term.ge(k, length)
        if let check = builtInChecks[e.id] { judgeCodeCheck(check.name, failsWhen: outside) }
        revert(when: outside)
    }
}

extension SymbolicExecutor {
    /// A key of `mapping` as an array index: mappings are arrays over integers, so a `bool` key
    /// is 1 or 0, and a `bytes` or `string` key its hash, abstracted: any hash at each access
    /// (see `Analyzer.hashedKey`).
    func mappingKey(_ key: Expr, in mapping: SolType) -> Term {
        let value = eval(key)
        if case .mapping(let keyType, _) = mapping, keyType == .bytes || keyType == .string {
            usedAbstraction = true
            return freshArgument(AbstractedBuiltin.keccak256.rawValue, .fixedBytes(32)).0.scalarTerm
        }
        let k = value.scalarTerm
        return k.sort == .bool ? Term.ite(k, .int(1), .int(0)) : k
    }
}
