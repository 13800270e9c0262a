import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

// Evaluation of expressions: code (checked or unchecked arithmetic) and properties
// (mathematical integers), told apart by `propertyContext`.

extension Machine {
    /// The arithmetic mode of expression `e` where it is evaluated.
    func arithmeticMode(_ e: Expr) -> ArithmeticMode {
        if propertyContext != nil { return .mathematical }
        return model.uncheckedExpressions.contains(e.id) ? .unchecked : .checked
    }

    /// Evaluates `e`, recording its value when it is a part of the judged property.
    func evaluate(_ e: Expr) throws(Interruption) -> Value {
        try tick()
        var value: Value
        if let c = model.constants[e.id] {
            value = .int(c)
        } else {
            value = try evaluateStructure(e)
        }
        // A `bytesN` used as a wider `bytesM` (SemanticModel.widenings).
        if let shift = model.widenings[e.id], case .int(let v) = value { value = .int(v << shift) }
        if !recordedIDs.isEmpty, recordedIDs.contains(e.id) { recorded[e.id] = value }
        return value
    }

    func evaluateNumber(_ e: Expr) throws(Interruption) -> BigInt { try evaluate(e).number() }

    func evaluateBool(_ e: Expr) throws(Interruption) -> Bool { try evaluate(e).boolean() }

    /// A key of `mapping` as the number its entry is kept under: a `bytes` or `string` key's
    /// Keccak-256 hash (as Solidity derives the entry's slot), any other key's value.
    func mappingKey(_ key: Expr, in mapping: SolType) throws(Interruption) -> BigInt {
        guard case .mapping(let keyType, _) = mapping, keyType == .bytes || keyType == .string else {
            return try evaluateNumber(key)
        }
        guard let bytes = try evaluate(key).bytesContents() else { throw Value.environmentBytes }
        return Keccak256.value(bytes)
    }

    private func evaluateStructure(_ e: Expr) throws(Interruption) -> Value {
        switch e.kind {
        case .number(let literal):
            if case .literal(let r) = type(of: e), let i = r.integer { return .int(i) }
            guard let i = literal.value.integer else { throw .mismatch("the number \(literal.text) is not an integer") }
            return .int(i)
        case .bool(let b):
            return .bool(b)
        case .string(let bytes):
            return Value.bytes(bytes)
        case .parenthesized(let inner):
            return try evaluate(inner)
        case .tuple(let components):
            var values: [Value] = []
            for c in components { values.append(try c.map { c throws(Interruption) in try evaluate(c) } ?? .none) }
            return .structure(values)
        case .arrayLiteral(let elements):
            var items: [BigInt: Value] = [:]
            for (i, element) in elements.enumerated() { items[BigInt(i)] = try evaluate(element) }
            return .structure([.int(BigInt(elements.count)), .mapping(items)])
        case .identifier:
            return try evaluateName(e)
        case .member(let base, _):
            // `getStringSlot(store).value` is `store` (SemanticModel.storageAliases).
            if let aliased = model.storageAliases[e.id] { return try evaluate(aliased) }
            return try evaluateMember(e, base: base)
        case .slice(let base, let start, let end):
            let value = try evaluate(base)
            let from = try start.map { s throws(Interruption) in try evaluateNumber(s) } ?? 0
            let end = try end.map { x throws(Interruption) in try evaluateNumber(x) }
            if case .none = value { return .none }  // bytes the environment chose
            guard case .structure(let parts) = value, parts.count == 2, case .int(let length) = parts[0],
                case .mapping(let items) = parts[1]
            else { throw .mismatch("internal: a slice of no array") }
            let to = end ?? length
            guard from <= to, to <= length else { throw .revert("slice out of bounds at line \(line(of: e.range))") }
            var sliced: [BigInt: Value] = [:]
            for (k, v) in items where k >= from && k < to { sliced[k - from] = v }
            return .structure([.int(to - from), .mapping(sliced)])
        case .index(let base, let index) where type(of: base).isFixedBytes:
            guard case .fixedBytes(let n) = type(of: base) else { throw .mismatch("internal: a byte of no bytesN") }
            let v = try evaluateNumber(base)
            let key = try evaluateNumber(index)
            try checkIndex(e, index, key, length: BigInt(n))
            return .int((v >> (8 * (n - 1 - Int(key)))) & 0xff)
        case .index(let base, let index) where model.array(type(of: base)) != nil:
            let array = model.array(type(of: base))!
            guard case .structure(let fields) = try evaluate(base), fields.count == 2 else {
                throw .mismatch("internal: an array without its fields")
            }
            let key = try evaluateNumber(index)
            var length = BigInt(array.size ?? 0)
            if array.size == nil { length = try fields[0].number() }
            try checkIndex(e, index, key, length: length)
            guard case .mapping(let entries) = fields[1] else { throw .mismatch("internal: an array without items") }
            return entries[key] ?? zeros.zero(of: array.element)
        case .index(let base, let index):
            let container = try evaluate(base)
            let key = try mappingKey(index, in: type(of: base))
            guard case .mapping(let entries) = container else {
                throw .mismatch("internal: indexing \(container.kindName)")
            }
            return entries[key] ?? zeros.zero(of: type(of: e))
        case .call(let callee, let arguments):
            // The storage at a constant slot (`StorageSlot.getAddressSlot(SLOT)`) is a state variable.
            if case .stateVariable? = model.references[e.id] { return try evaluateName(e) }
            // `_unsafeAccess(arr, pos)` is `arr[pos]` (SemanticModel.storageAliases).
            if let aliased = model.storageAliases[e.id] { return try evaluate(aliased) }
            return try evaluateCall(e, callee: callee, arguments: arguments, options: [])
        case .namedCall(let callee, _, let arguments):
            let order = model.namedArgumentOrder[e.id] ?? Array(arguments.indices)
            return try evaluateCall(e, callee: callee, arguments: order.map { arguments[$0] }, options: [])
        case .callOptions(let callee, let options, let arguments):
            return try evaluateCall(e, callee: callee, arguments: arguments, options: options)
        case .elementaryType:
            throw .mismatch("a type is not a value")
        case .arrayType:
            throw .mismatch("internal: a type is not a value")
        case .newContract, .newArray:
            throw .mismatch("internal: 'new' without its call")
        case .typeQuery:
            throw .mismatch("internal: type(...) without a constant value")
        case .unary(let op, let operand):
            return try evaluateUnary(e, op, operand)
        case .binary(let op, let l, let r):
            return try evaluateBinary(e, op, l, r)
        case .assignment(let op, let lhs, let rhs):
            return try assign(e, op, lhs: lhs, rhs: rhs)
        case .incrementDecrement(let isIncrement, let isPrefix, let operand):
            let location = try lvalue(operand)
            let old = try read(location).number()
            let new = try Arithmetic.fit(
                isIncrement ? old + 1 : old - 1, type(of: operand), arithmeticMode(e), line(of: e.range))
            try write(location, .int(new))
            return .int(isPrefix ? new : old)
        case .conditional(let c, let a, let b):
            return try evaluateBool(c) ? try evaluate(a) : try evaluate(b)
        case .quantifier:
            guard propertyContext != nil else { throw .mismatch("a quantifier outside a property") }
            let judged = try judgeQuantifier(e)
            if !judged.exact { inexactQuantifierSeen = true }
            return .bool(judged.value)
        }
    }

    // MARK: - Names and members

    private func evaluateName(_ e: Expr) throws(Interruption) -> Value {
        switch model.references[e.id] {
        case .stateVariable(let i)?:
            guard state.variables.indices.contains(i) else { throw .mismatch("internal: no state variable \(i)") }
            return state.variables[i]
        case .local(let id)?:
            guard frames.indices.contains(activeFrame) else { throw .mismatch("internal: no frame") }
            if let location = frames[activeFrame].storageReferences[id] { return try read(location) }
            return frames[activeFrame].values[id] ?? zeros.zero(of: model.variableTypes[id] ?? .void)
        case .result?:
            guard let result = propertyContext?.result else { throw .mismatch("'result' has no value here") }
            return result
        case .enumMember(_, let index)?:
            return .int(BigInt(index))
        case let reference?:
            return try evaluateEnvironment(reference, e)
        case nil:
            throw .mismatch("internal: unresolved name '\(text(of: e.range))'")
        }
    }

    /// `this`, `msg.*`, `tx.origin`, `block.*` and the contract's balance.
    private func evaluateEnvironment(_ reference: Reference, _ e: Expr) throws(Interruption) -> Value {
        switch reference {
        case .this: return .int(thisAddress)
        case .selfBalance: return .int(state.balance)
        case .msgSender: return .int(try currentInvocation(for: "msg.sender").sender)
        case .msgValue: return .int(try currentInvocation(for: "msg.value").value)
        case .msgData: return .none
        case .msgSig:
            let name = try currentInvocation(for: "msg.sig").functionName
            if let f = contract.functions[name], let selector = model.selectors[f.decl.id] { return .int(selector) }
            // `receive` and the constructor run on empty call data; `fallback` on any.
            guard name != FunctionKind.fallback.rawValue else {
                throw .unconfirmable("msg.sig in 'fallback' is any value, which the schedule does not give")
            }
            return .int(0)
        case .txOrigin:
            _ = try currentInvocation(for: "tx.origin")
            return .int(origin)
        case .blockTimestamp:
            _ = try currentInvocation(for: "block.timestamp")
            return .int(timestamp)
        case .blockNumber:
            _ = try currentInvocation(for: "block.number")
            return .int(blockNumber)
        case .reverted:
            guard let ruleReverted else { throw .mismatch("'reverted' before any 'try call'") }
            return .bool(ruleReverted)
        case .function(let name):
            return .int(BigInt(contract.functionValue(of: name)))
        case .chainID:
            let id = schedule.chainID ?? 1
            guard id >= 0, id < ReplayLimits.uint256Limit else { throw .mismatch("the chain id is not a uint256") }
            return .int(id)
        case .environmentValue(let name):
            throw .unconfirmable("'\(name)' is any value to the engines, and the replay does not choose it")
        default:
            throw .mismatch("internal: '\(text(of: e.range))' is not a value")
        }
    }

    private func evaluateMember(_ e: Expr, base: Expr) throws(Interruption) -> Value {
        switch model.references[e.id] {
        case .structField(_, let index)?:
            let value = try evaluate(base)
            if case .none = value { throw Value.environmentBytes }
            guard case .structure(let fields) = value, fields.indices.contains(index) else {
                throw .mismatch("internal: field of a non-struct")
            }
            return fields[index]
        case .enumMember(_, let index)?:
            return .int(BigInt(index))
        case .stateVariable?:
            // `A.x` inside contract `A`.
            return try evaluateName(e)
        case .otherBalance?:
            let address = try evaluateNumber(base)
            if address == thisAddress { return .int(state.balance) }
            return .int(try readOtherBalance(of: address, at: e))
        case .codeSize?:
            guard case .member(let account, _) = base.kind else { throw .mismatch("internal: '.code.length'") }
            return .int(try readCodeSize(of: try evaluateNumber(account), at: e))
        case let reference?:
            return try evaluateEnvironment(reference, e)
        case nil:
            throw .mismatch("internal: unresolved member '\(text(of: e.range))'")
        }
    }

    // MARK: - Operators

    private func evaluateUnary(_ e: Expr, _ op: UnaryOperator, _ operand: Expr) throws(Interruption) -> Value {
        switch op {
        case .not:
            return .bool(!(try evaluateBool(operand)))
        case .negate:
            let v = try evaluateNumber(operand)
            return .int(try Arithmetic.negate(v, type: type(of: e), mode: arithmeticMode(e), line: line(of: e.range)))
        case .bitNot:
            let v = try evaluateNumber(operand)
            return .int(Arithmetic.bitNot(v, type: type(of: e)))
        }
    }

    private func evaluateBinary(_ e: Expr, _ op: BinaryOperator, _ l: Expr, _ r: Expr) throws(Interruption) -> Value {
        switch op {
        case .and:
            if !(try evaluateBool(l)) { return .bool(false) }
            return .bool(try evaluateBool(r))
        case .or:
            if try evaluateBool(l) { return .bool(true) }
            return .bool(try evaluateBool(r))
        case .implies:
            if !(try evaluateBool(l)) { return .bool(true) }
            return .bool(try evaluateBool(r))
        case .equal, .notEqual:
            let a = try evaluate(l)
            let b = try evaluate(r)
            let same: Bool
            switch (a, b) {
            case (.bool(let x), .bool(let y)): same = x == y
            default: same = try a.number() == b.number()
            }
            return .bool(op == .equal ? same : !same)
        case .less, .lessEqual, .greater, .greaterEqual:
            let a = try evaluateNumber(l)
            let b = try evaluateNumber(r)
            switch op {
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            default: return .bool(a >= b)
            }
        default:
            let a = try evaluateNumber(l)
            let b = try evaluateNumber(r)
            judgeBuiltInCheck(e, op, a, b, type: resultType(type(of: e)), right: r)
            return .int(
                try Arithmetic.apply(
                    op, a, b, type: resultType(type(of: e)), mode: arithmeticMode(e), line: line(of: e.range)))
        }
    }

    /// When the arithmetic step `e` is the judged built-in check: a violation where the divisor
    /// `b` is zero (`panic@…`), or where the exact `a op b` leaves type `t` (`unchecked@…`).
    private func judgeBuiltInCheck(
        _ e: Expr, _ op: BinaryOperator, _ a: BigInt, _ b: BigInt, type t: SolType, right: Expr
    ) {
        guard violation == nil, propertyDepth == 0, judgedAsserts.contains(e.id), let check = judgedBuiltIn else {
            return
        }
        switch check {
        case .enumOutOfRange, .indexOutOfBounds, .emptyArrayPop:
            return
        case .divisionByZero:
            guard b == 0 else { return }
            violation = Violation(
                line: line(of: right.range), parts: [NamedValue(name: text(of: right.range), value: .int(0))])
        case .uncheckedWrap:
            let exact = op == .add ? a + b : op == .subtract ? a - b : a * b
            guard !t.contains(exact) else { return }
            violation = Violation(
                line: line(of: right.range),
                parts: [NamedValue(name: text(of: e.range) + " (exact)", value: .int(exact))])
        }
    }

    /// When `addmod`/`mulmod` at `e` is the judged built-in check: its modulus is zero here.
    func judgeModulusCheck(_ e: Expr, modulus: Expr) {
        guard violation == nil, propertyDepth == 0, judgedAsserts.contains(e.id), judgedBuiltIn == .divisionByZero
        else { return }
        violation = Violation(
            line: line(of: modulus.range), parts: [NamedValue(name: text(of: modulus.range), value: .int(0))])
    }

    /// A literal type (a constant that was never given a type) computes as `int256`/`uint256`.
    private func resultType(_ t: SolType) -> SolType {
        if case .literal(let r) = t { return r.numerator < 0 ? .int(256) : .uint(256) }
        return t
    }

    // MARK: - Assignment

    private func assign(_ e: Expr, _ op: AssignmentOperator, lhs: Expr, rhs: Expr) throws(Interruption) -> Value {
        if op.binary == nil, case .local(let id)? = model.references[lhs.id], model.storageLocals.contains(id) {
            // Assigning to a `storage` local points it elsewhere in state.
            let target = try lvalue(rhs)
            frames[activeFrame].storageReferences[id] = target
            return try read(target)
        }
        let right = try evaluate(rhs)
        // `(a, , c) = rhs`: the whole right-hand side first, then each component written.
        if case .tuple(let targets) = lhs.kind, case .structure(let values) = right {
            for (target, v) in zip(targets, values) { if let target { try write(try lvalue(target), v) } }
            return right
        }
        let location = try lvalue(lhs)
        guard let binary = op.binary else {
            try write(location, right)
            return right
        }
        let old = try read(location).number()
        let lhsType = type(of: lhs)
        judgeBuiltInCheck(e, binary, old, try right.number(), type: lhsType, right: rhs)
        let new = try Arithmetic.apply(
            binary, old, try right.number(), type: lhsType, mode: arithmeticMode(e), line: line(of: e.range))
        try write(location, .int(new))
        return .int(new)
    }

    /// The location an assignable expression denotes. Mapping keys are evaluated left to right.
    func lvalue(_ e: Expr) throws(Interruption) -> LValue {
        switch e.kind {
        case .parenthesized(let inner):
            return try lvalue(inner)
        case .identifier:
            switch model.references[e.id] {
            case .stateVariable(let i)?:
                return LValue(root: .state(i), steps: [])
            case .local(let id)?:
                guard frames.indices.contains(activeFrame) else { throw .mismatch("internal: no frame") }
                if let location = frames[activeFrame].storageReferences[id] { return location }
                return LValue(root: .local(frame: activeFrame, id), steps: [])
            default:
                throw .mismatch("'\(text(of: e.range))' cannot be assigned")
            }
        case .index(let base, let index):
            var location = try lvalue(base)
            let array = model.array(type(of: base))
            let key = try array == nil ? mappingKey(index, in: type(of: base)) : evaluateNumber(index)
            if let array {
                var lengthAt = location
                lengthAt.steps.append(.field(0))
                var length = BigInt(array.size ?? 0)
                if array.size == nil { length = try read(lengthAt).number() }
                try checkIndex(e, index, key, length: length)
                location.steps.append(.field(1))
            }
            location.steps.append(.key(key, valueType: type(of: e)))
            return location
        case .member(let base, _):
            if let aliased = model.storageAliases[e.id] { return try lvalue(aliased) }
            // `A.x` inside contract `A` is its state variable `x`.
            if case .stateVariable(let i)? = model.references[e.id] { return LValue(root: .state(i), steps: []) }
            guard case .structField(_, let i)? = model.references[e.id] else {
                throw .mismatch("'\(text(of: e.range))' cannot be assigned")
            }
            var location = try lvalue(base)
            location.steps.append(.field(i))
            return location
        case .call:
            if case .stateVariable(let i)? = model.references[e.id] { return LValue(root: .state(i), steps: []) }
            if let aliased = model.storageAliases[e.id] { return try lvalue(aliased) }
            throw .mismatch("'\(text(of: e.range))' cannot be assigned")
        default:
            throw .mismatch("'\(text(of: e.range))' cannot be assigned")
        }
    }

    /// An array index below the length, or Solidity's panic (a violation when it is the judged
    /// built-in check); any index for an unchecked access (`SemanticModel.unsafeIndexes`).
    func checkIndex(_ e: Expr, _ index: Expr, _ key: BigInt, length: BigInt) throws(Interruption) {
        guard key >= length, !model.unsafeIndexes.contains(e.id) else { return }
        if violation == nil, propertyDepth == 0, judgedAsserts.contains(e.id) {
            violation = Violation(
                line: line(of: index.range),
                parts: [
                    NamedValue(name: text(of: index.range), value: .int(key)),
                    NamedValue(name: "length", value: .int(length)),
                ])
        }
        throw .revert("array index out of bounds at line \(line(of: e.range))")
    }
}
