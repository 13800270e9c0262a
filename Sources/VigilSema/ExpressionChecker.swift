import BigInt
import VigilBasics
import VigilSyntax

/// Names Solidity has that the subset does not: each is reported as not supported yet.
let unsupportedGlobals: [String: String] = [
    "selfdestruct": "'selfdestruct'", "suicide": "'selfdestruct'",
    "abi": "'abi.*' functions", "now": "'now' (use block.timestamp)",
    "bytes": "'bytes' operations", "string": "'string' operations",
]

extension Analyzer {
    // MARK: - Entry points

    /// Checks `e` and returns its type; constant expressions have a `.literal` type until converted.
    @discardableResult
    func typeOf(_ e: Expr) -> SolType {
        let t = computeType(e)
        types[e.id] = t
        if context.unchecked { uncheckedExpressions.insert(e.id) }
        return t
    }

    /// Checks `e` where a value of type `target` is needed, converting literals implicitly
    /// (component-wise for a tuple written out).
    func expect(_ e: Expr, _ target: SolType, what: String) {
        if case .tuple(let components) = e.kind, case .tuple(let targets) = target {
            guard components.count == targets.count else {
                bag.add(
                    SemaDiagnostics.typeMismatch(
                        "\(components.count) values where \(what) needs \(targets.count)", e.range))
                return
            }
            for (c, t) in zip(components, targets) {
                guard let c else {
                    bag.error("sema.tuple-gap", "a value can only be left out on the left of '='", at: e.range)
                    continue
                }
                expect(c, t, what: what)
            }
            types[e.id] = target
            return
        }
        let t = typeOf(e)
        _ = coerce(e, from: t, to: target, what: what)
    }

    /// Converts `e` (already checked, of type `actual`) to `target` implicitly; reports and returns false when it cannot.
    @discardableResult
    func coerce(_ e: Expr, from actual: SolType, to target: SolType, what: String) -> Bool {
        if target == .void { return false }  // the target's error is already reported
        if case .literal(let value) = actual { return convertLiteral(e, value, to: target, what: what) }
        // A string literal is also a `bytes` value, or a `bytesN` of its bytes padded with zeros.
        if actual == .string, case .string(let text) = e.kind {
            if target == .bytes { return true }
            if case .fixedBytes(let n) = target {
                guard let v = Self.fixedBytesValue(text, size: n) else {
                    bag.add(SemaDiagnostics.typeMismatch("the string is longer than '\(target)'", e.range))
                    return false
                }
                types[e.id] = target
                constants[e.id] = v
                return true
            }
        }
        if isImplicitlyConvertible(actual, to: target) { return true }
        if case .fixedBytes(let n) = actual, case .fixedBytes(let m) = target, n < m {
            // `bytes4` used as `bytes32`: padded with zeros on the right, as solc does.
            let shift = 8 * (m - n)
            if let c = constants[e.id] { constants[e.id] = c << shift } else { widenings[e.id] = shift }
            types[e.id] = target
            return true
        }
        if actual == .void { return false }  // already reported
        bag.add(SemaDiagnostics.typeMismatch("cannot use '\(actual)' as \(what) of type '\(target)'", e.range))
        return false
    }

    func isImplicitlyConvertible(_ from: SolType, to: SolType) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { isImplicitlyConvertible($0, to: $1) }
        case (.uint(let a), .uint(let b)), (.int(let a), .int(let b)):
            return a <= b || context.mode.isProperty
        case (.uint, .int), (.int, .uint):
            return context.mode.isProperty
        case (.address(true), .address(false)):
            return true
        case (.callResult, .tuple(let parts)):
            // `return target.call(data);` from a function returning `(bool, bytes memory)`.
            return parts == [.bool, .bytes]
        case (.interface(let derived), .interface(let base)):
            // A contract or interface is one of each of its bases.
            return inherits(derived, from: base)
        case (.address, .address(false)) where context.mode.isProperty:
            return true
        default:
            return false
        }
    }

    /// Gives a constant expression its type: it must be an integer that fits (anything goes in properties).
    func convertLiteral(_ e: Expr, _ value: Rational, to target: SolType, what: String) -> Bool {
        guard let v = value.integer else {
            bag.add(SemaDiagnostics.typeMismatch("literal \(value) is not an integer", e.range))
            return false
        }
        switch target {
        case .uint, .int:
            if !context.mode.isProperty, !target.contains(v) {
                bag.add(SemaDiagnostics.literalDoesNotFit(v.description, target, e.range))
                return false
            }
        case .fixedBytes(let n):
            // `0` or a hex literal of exactly 2N digits, as solc requires.
            guard case .number(let lit) = e.kind, v == 0 || Self.hexDigits(lit.text) == 2 * n else {
                bag.add(
                    SemaDiagnostics.typeMismatch(
                        "'\(target)' takes 0 or a hex literal of \(2 * n) digits, not \(v)", e.range))
                return false
            }
        case .address:
            if case .number(let lit) = e.kind, lit.isAddressLiteral {
                break
            }
            bag.add(
                SemaDiagnostics.typeMismatch(
                    "cannot use the number \(v) as \(what) of type '\(target)'; write address(\(v))", e.range))
            return false
        default:
            bag.add(SemaDiagnostics.typeMismatch("cannot use a number as \(what) of type '\(target)'", e.range))
            return false
        }
        types[e.id] = target
        constants[e.id] = v
        return true
    }

    /// The number of hex digits of a literal written `0x...` (underscores aside); nil otherwise.
    static func hexDigits(_ text: String) -> Int? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        return text.dropFirst(2).filter { $0 != "_" }.count
    }

    /// The value of a string literal as `bytesN`: its bytes first, zeros after; nil when longer than N.
    static func fixedBytesValue(_ bytes: [UInt8], size n: Int) -> BigInt? {
        guard bytes.count <= n else { return nil }
        return (bytes + Array(repeating: 0, count: n - bytes.count)).reduce(BigInt(0)) { $0 * 256 + BigInt($1) }
    }

    /// The type a constant expression takes when nothing else decides it.
    func defaultLiteralType(_ v: Rational) -> SolType { v.numerator < 0 ? .int(256) : .uint(256) }

    // MARK: - Expressions

    private func computeType(_ e: Expr) -> SolType {
        switch e.kind {
        case .number(let lit):
            return .literal(lit.value)
        case .bool:
            return .bool
        case .string:
            return .string
        case .newContract:
            bag.error("sema.new-not-called", "'new C' creates a contract when called: 'new C(...)'", at: e.range)
            return .void
        case .newArray:
            bag.error("sema.new-not-called", "'new T[]' makes an array when called: 'new T[](n)'", at: e.range)
            return .void
        case .arrayType:
            bag.error("sema.type-as-value", "an array type cannot be used as a value", at: e.range)
            return .void
        case .parenthesized(let inner):
            let t = typeOf(inner)
            if case .literal = t { return t }
            copyResolution(from: inner, to: e)
            return t
        case .arrayLiteral(let elements):
            return arrayLiteralType(e, elements)
        case .tuple(let components):
            var componentTypes: [SolType] = []
            for c in components {
                guard let c else {
                    bag.error("sema.tuple-gap", "a value can only be left out on the left of '='", at: e.range)
                    return .void
                }
                let t = typeOf(c)
                if case .literal(let v) = t {
                    let fits = convertLiteral(c, v, to: .uint(256), what: "a tuple component")
                    componentTypes.append(fits ? .uint(256) : .void)
                } else {
                    componentTypes.append(t)
                }
            }
            return .tuple(componentTypes)
        case .identifier(let name):
            return identifierType(e, name)
        case .member(let base, let name):
            return memberType(e, base: base, name: name)
        case .slice(let base, let start, let end):
            return sliceType(e, base: base, start: start, end: end)
        case .index(let base, let index):
            let bt = typeOf(base)
            if let array = contentsInfo(bt) {
                expect(index, .uint(256), what: "array index")
                // Within bounds for sure only for a constant index below a fixed length.
                if !(array.size.map { n in constants[index.id].map { $0 < BigInt(n) } ?? false } ?? false) {
                    recordBuiltInCheck(.indexOutOfBounds, at: e, located: index)
                }
                return array.element
            }
            if case .fixedBytes(let n) = bt {
                // `x[i]` of a `bytesN`: its i-th byte, the first the most significant.
                expect(index, .uint(256), what: "byte index")
                if !(constants[index.id].map { $0 < BigInt(n) } ?? false) {
                    recordBuiltInCheck(.indexOutOfBounds, at: e, located: index)
                }
                return .fixedBytes(1)
            }
            guard case .mapping(let k, let v) = bt else {
                if bt != .void {
                    bag.add(SemaDiagnostics.notSupported("indexing a value of type '\(bt)' (arrays)", e.range))
                }
                return .void
            }
            expect(index, k, what: "mapping key")
            if k == .bytes || k == .string { hashedKey(index) }
            return v
        case .call(let callee, let args):
            return callType(e, callee: callee, arguments: args, options: nil)
        case .namedCall(let callee, let names, let args):
            return namedCallType(e, callee: callee, names: names, arguments: args)
        case .callOptions(let callee, let options, let args):
            return callType(e, callee: callee, arguments: args, options: options)
        case .elementaryType(let t):
            bag.error("sema.type-as-value", "type '\(t)' cannot be used as a value", at: e.range)
            return .void
        case .typeQuery(let typeName, let member):
            if member.name == "interfaceId", case .interface(let i)? = resolveType(typeName, in: current.name) {
                constants[e.id] = interfaceID(i)
                return .fixedBytes(4)
            }
            if case .enumType(_, let count)? = resolveType(typeName, in: current.name), count > 0,
                member.name == "max" || member.name == "min"
            {
                // `type(E).max`: the last member.
                constants[e.id] = member.name == "max" ? BigInt(count - 1) : 0
                return resolveType(typeName, in: current.name) ?? .void
            }
            guard let t = resolveType(typeName, in: current.name), t.isInteger,
                member.name == "max" || member.name == "min"
            else {
                bag.add(SemaDiagnostics.notSupported("type(...).\(member.name) of this type", e.range))
                return .void
            }
            constants[e.id] = member.name == "max" ? t.maxValue : t.minValue
            return t
        case .unary(let op, let operand):
            return unaryType(e, op, operand)
        case .binary(let op, let l, let r):
            let t = binaryType(e, op, l, r)
            noteBuiltInCheck(e, op, right: r, type: t)
            return t
        case .assignment(let op, let lhs, let rhs):
            return assignmentType(e, op, lhs, rhs)
        case .incrementDecrement(_, _, let operand):
            let t = typeOf(operand)
            checkAssignable(operand)
            if !t.isInteger {
                bag.add(SemaDiagnostics.typeMismatch("'++' and '--' need an integer, not '\(t)'", operand.range))
            }
            return t
        case .conditional(let c, let a, let b):
            expect(c, .bool, what: "condition")
            return branchesType(a, b, at: e.range)
        case .quantifier(let kind, let variable, let body):
            guard context.mode.isProperty else {
                bag.add(SemaDiagnostics.propertyOnly(kind.rawValue, "in properties", e.range))
                return .bool
            }
            pushScope()
            let t = declareVariable(variable, contract: current.name, isParameter: true)
            switch t {
            case .uint, .int, .bool, .address, .enumType: break
            default:
                bag.add(SemaDiagnostics.notSupported("quantifying over '\(t)'", variable.range))
            }
            expect(body, .bool, what: "quantifier body")
            popScope()
            return .bool
        }
    }

    private func copyResolution(from inner: Expr, to outer: Expr) {
        if let r = references[inner.id] { references[outer.id] = r }
        if let c = constants[inner.id] { constants[outer.id] = c }
    }

    // MARK: Names

    private func identifierType(_ e: Expr, _ name: String) -> SolType {
        if let id = lookupLocal(name) {
            references[e.id] = .local(id)
            context.used.insert(id)
            return variableTypes[id] ?? .void
        }
        if let i = current.stateIndex[name] {
            references[e.id] = .stateVariable(i)
            let v = current.stateVariables[i]
            if !v.isConstant { context.readsState = true }
            if v.isConstant, let initializer = v.initializer, let c = constants[initializer.id] {
                constants[e.id] = c
            }
            return v.type
        }
        if current.functions[name] != nil || current.overloads[name] != nil {
            references[e.id] = .function(name)
            // Named as a value unless it turns out to be a callee (see `namedCall`).
            guard let f = current.functions[name], current.overloads[name] == nil else { return .void }
            current.functionValueUses[e.id] = name
            return .function(parameters: f.parameterTypes, returns: f.returnTypes)
        }
        // A file-level name of this file's scope: a free function or constant is linked into the
        // contract under its run-wide key.
        let key = global(name, from: e.range.file)
        if key != name, current.stateIndex[key] != nil || current.functions[key] != nil || current.overloads[key] != nil
        {
            return identifierType(e, key)
        }
        if let q = qualifiedTypeName(name, in: current.name, from: e.range.file) {
            let t: SolType =
                structDecls[q] != nil ? .structType(q) : .enumType(q, memberCount: enumDecls[q]?.members.count ?? 0)
            references[e.id] = .typeName(t)
            return .void
        }
        if interfaceDecls[key] != nil || contractDecls[key] != nil {
            references[e.id] = .typeName(.interface(key))
            return .void
        }
        switch name {
        case "this":
            references[e.id] = .this
            context.readsState = true
            return .address(payable: true)
        case "msg", "block", "tx":
            // Whether it reads the environment depends on the member (`memberType`).
            references[e.id] = .magic(name)
            return .void
        case "require", "assert", "revert", "assume", "satisfy", "old", "sum", "payable":
            references[e.id] = .builtin(name)
            return .void
        default:
            break
        }
        if context.mode.isProperty {
            switch name {
            case "balance":
                references[e.id] = .selfBalance
                return .uint(256)
            case "result":
                if case .ensures(let f) = context.mode, let rt = f.returnType {
                    references[e.id] = .result
                    return rt
                }
                bag.add(
                    SemaDiagnostics.propertyOnly("result", "in 'ensures' of a function that returns a value", e.range))
                return .void
            case "reverted":
                if case .rule = context.mode {
                    if !context.ruleHasTryCall {
                        bag.error(
                            "sema.reverted-without-try", "'reverted' needs a 'try call' before it in the rule",
                            at: e.range)
                    }
                    references[e.id] = .reverted
                    return .bool
                }
                bag.add(SemaDiagnostics.propertyOnly("reverted", "in rules, after a 'try call'", e.range))
                return .void
            default:
                break
            }
        } else if ["balance", "result", "reverted"].contains(name) {
            bag.add(SemaDiagnostics.propertyOnly(name, "in properties", e.range))
            return .void
        }
        if let construct = unsupportedGlobals[name] {
            bag.add(SemaDiagnostics.notSupported(construct, e.range))
            return .void
        }
        if name == "super" {
            bag.error("sema.super", "'super' can only call a function of a base contract: 'super.f(...)'", at: e.range)
            return .void
        }
        bag.add(SemaDiagnostics.undeclared(name, e.range))
        return .void
    }

    private func memberType(_ e: Expr, base: Expr, name: Identifier) -> SolType {
        if let t = selectorMember(e, base: base, name: name) { return t }
        if case .identifier("abi") = base.kind {
            bag.add(SemaDiagnostics.notSupported("'abi.\(name.name)'", e.range))
            return .void
        }
        // `L.f`, `L.X`, `L.S`: a library's function, constant or type, by its name in the contract.
        if let l = libraryKey(base) {
            return identifierType(e, "\(l).\(name.name)")
        }
        if case .identifier(let b) = base.kind, lookupLocal(b) == nil {
            // `M.X` of `import "p" as M;`: the name `X` of that file.
            if isModule(b, in: base.range.file) {
                return identifierType(e, global("\(b).\(name.name)", from: base.range.file))
            }
            // `A.x` inside contract `A`: its own state variable (or constant) by its qualified name.
            if currentContract != nil, global(b, from: base.range.file) == current.name,
                current.stateIndex[name.name] != nil
            {
                return identifierType(e, name.name)
            }
        }
        // `a.code.length`: the size of the code at `a`.
        if name.name == "length", case .member(let account, let code) = base.kind, code.name == "code" {
            let at = typeOf(account)
            if at.isAddressLike {
                types[base.id] = .bytes
                references[e.id] = .codeSize
                context.readsState = true
                return .uint(256)
            }
        }
        let bt = typeOf(base)
        if case .magic(let m)? = references[base.id] {
            let table: [String: (Reference, SolType)] = [
                "msg.sender": (.msgSender, .address(payable: false)), "msg.value": (.msgValue, .uint(256)),
                "msg.data": (.msgData, .bytes), "msg.sig": (.msgSig, .fixedBytes(4)),
                "block.timestamp": (.blockTimestamp, .uint(256)), "block.number": (.blockNumber, .uint(256)),
                "tx.origin": (.txOrigin, .address(payable: false)), "block.chainid": (.chainID, .uint(256)),
                "block.coinbase": (.environmentValue("block.coinbase"), .address(payable: true)),
                "block.prevrandao": (.environmentValue("block.prevrandao"), .uint(256)),
                "block.difficulty": (.environmentValue("block.difficulty"), .uint(256)),
                "block.basefee": (.environmentValue("block.basefee"), .uint(256)),
                "block.gaslimit": (.environmentValue("block.gaslimit"), .uint(256)),
                "tx.gasprice": (.environmentValue("tx.gasprice"), .uint(256)),
            ]
            if let (r, t) = table["\(m).\(name.name)"] {
                let place: String? =
                    switch context.mode {
                    case .rule: "a rule"
                    case .invariant: "an invariant"
                    default: nil
                    }
                if [.msgSender, .msgValue, .msgSig].contains(r), let place {
                    bag.error(
                        "sema.msg-outside-call",
                        "'\(m).\(name.name)' has no value in \(place): "
                            + "it belongs to a call (in a rule, name the sender with 'call f(...) from a')", at: e.range
                    )
                }
                references[e.id] = r
                // As solc: `msg.data` and `msg.sig` may be read in a `pure` function.
                if r != .msgData && r != .msgSig { context.readsState = true }
                if r == .msgSig, currentContract != nil {
                    // The selector of every function a transaction or call can run.
                    for f in current.functions.values where f.visibility == .public || f.visibility == .external {
                        selectors[f.decl.id] = selector(f.decl, in: current.name)
                    }
                }
                if [.txOrigin, .blockTimestamp, .blockNumber, .chainID].contains(r), currentContract != nil {
                    current.environmentReads.insert(r)
                }
                return t
            }
            bag.add(SemaDiagnostics.notSupported("'\(m).\(name.name)'", e.range))
            return .void
        }
        if case .typeName(let t)? = references[base.id] {
            if case .interface(let i) = t, let q = qualifiedTypeName(name.name, in: i, from: nil) {
                let nested: SolType =
                    structDecls[q] != nil
                    ? .structType(q) : .enumType(q, memberCount: enumDecls[q]?.members.count ?? 0)
                references[e.id] = .typeName(nested)
                return .void
            }
            if case .enumType(let q, _) = t, let index = enums[q]?.members.firstIndex(of: name.name) {
                references[e.id] = .enumMember(enumName: q, index: index)
                constants[e.id] = BigInt(index)
                return t
            }
            bag.error("sema.unknown-member", "'\(t)' has no member '\(name.name)'", at: name.range)
            return .void
        }
        if case .this? = references[base.id], name.name != "balance" {
            bag.add(SemaDiagnostics.externalSelfCall(e.range))
            return .void
        }
        switch bt {
        case .structType(let q):
            if let array = arrays[q] {
                guard name.name == "length" else {
                    bag.error("sema.unknown-member", "an array has no member '\(name.name)'", at: name.range)
                    return .void
                }
                if let n = array.size { constants[e.id] = BigInt(n) }
            }
            guard let s = structs[q], let index = s.fieldIndex(name.name) else {
                bag.error("sema.unknown-member", "struct '\(q)' has no field '\(name.name)'", at: name.range)
                return .void
            }
            references[e.id] = .structField(structName: q, index: index)
            if let aliased = slotOfArguments[base.id] { storageAliases[e.id] = aliased }
            return s.fields[index].type
        case .address, .interface:
            if name.name == "balance", case .address = bt {
                context.readsState = true
                references[e.id] = isThisAddress(base) ? .selfBalance : .otherBalance
                return .uint(256)
            }
            if ["transfer", "send", "call"].contains(name.name) || bt.isInterfaceFunction(name.name, interfaces) {
                bag.error("sema.member-not-called", "'\(name.name)' must be called", at: name.range)
            } else if ["delegatecall", "staticcall", "codehash"].contains(name.name) {
                bag.add(SemaDiagnostics.notSupported("'\(name.name)'", name.range))
            } else if name.name == "code" {
                bag.add(SemaDiagnostics.notSupported("'.code' other than '.code.length'", name.range))
            } else {
                bag.error("sema.unknown-member", "'\(bt)' has no member '\(name.name)'", at: name.range)
            }
            return .void
        case .void:
            return .void
        case .bytes where name.name == "length":
            // `b.length`: the contents of `bytes` values are modelled from now on.
            _ = contentsInfo(bt)
            references[e.id] = .structField(structName: SemanticModel.bytesLayout, index: 0)
            return .uint(256)
        case .fixedBytes(let n) where name.name == "length":
            constants[e.id] = BigInt(n)
            return .uint(8)
        case .string where name.name == "length":
            bag.error("sema.unknown-member", "a 'string' has no length; 'bytes(s).length' has", at: name.range)
            return .void
        case .string, .bytes, .fixedBytes:
            bag.add(SemaDiagnostics.notSupported("'.\(name.name)' of a '\(bt)' value", name.range))
            return .void
        default:
            if name.name == "length" || name.name == "push" {
                bag.add(SemaDiagnostics.notSupported("'.\(name.name)' of an array (arrays)", name.range))
            } else {
                bag.error("sema.unknown-member", "'\(bt)' has no member '\(name.name)'", at: name.range)
            }
            return .void
        }
    }

    /// The array a value of type `t` is, if it is one.
    func arrayInfo(_ t: SolType) -> ArrayInfo? {
        guard case .structType(let name) = t else { return nil }
        return arrays[name]
    }

    /// `b[start:end]`: a slice of `bytes` or a dynamic array of values in call data, of the same type.
    private func sliceType(_ e: Expr, base: Expr, start: Expr?, end: Expr?) -> SolType {
        let bt = typeOf(base)
        for bound in [start, end].compactMap({ $0 }) { expect(bound, .uint(256), what: "slice bound") }
        guard bt != .void else { return .void }
        guard bt == .bytes || arrayInfo(bt).map({ $0.size == nil }) == true, isCalldata(base) else {
            bag.error(
                "sema.slice", "only 'bytes' and dynamic arrays in calldata can be sliced, not '\(bt)'", at: e.range)
            return .void
        }
        if case .structType? = contentsInfo(bt)?.element {
            bag.add(SemaDiagnostics.notSupported("a slice of an array of structs or arrays", e.range))
            return .void
        }
        return bt
    }

    /// Whether `e` is in call data: a `calldata` parameter or local, `msg.data`, or a slice or
    /// element of one.
    private func isCalldata(_ e: Expr) -> Bool {
        switch e.kind {
        case .parenthesized(let b), .slice(let b, _, _), .index(let b, _), .member(let b, _):
            if case .msgData? = references[e.id] { return true }
            return isCalldata(b)
        case .identifier:
            if case .local(let id)? = references[e.id] { return calldataLocals.contains(id) }
            return false
        default:
            return false
        }
    }

    /// The array whose elements a use of `t`'s contents reads: an array's, or `bytes1[]` for a
    /// `bytes` value (whose contents are then modelled; see `SemanticModel.bytesContents`).
    func contentsInfo(_ t: SolType) -> ArrayInfo? {
        guard t == .bytes else { return arrayInfo(t) }
        bytesContents = true
        return arrays[SemanticModel.bytesLayout]
    }

    /// True for `this` and `address(this)` (possibly parenthesised).
    func isThisAddress(_ e: Expr) -> Bool {
        switch e.kind {
        case .identifier("this"): return true
        case .parenthesized(let inner): return isThisAddress(inner)
        case .call(let callee, let args):
            if case .elementaryType(.address) = callee.kind, args.count == 1 { return isThisAddress(args[0]) }
            if case .elementaryType(.addressPayable) = callee.kind, args.count == 1 { return isThisAddress(args[0]) }
            return false
        default: return false
        }
    }

    // MARK: Operators

    private func unaryType(_ e: Expr, _ op: UnaryOperator, _ operand: Expr) -> SolType {
        let t = typeOf(operand)
        switch op {
        case .not:
            _ = coerce(operand, from: t, to: .bool, what: "operand of '!'")
            return .bool
        case .negate:
            if case .literal(let v) = t { return .literal(-v) }
            if case .int = t { return t }
            if case .uint = t, context.mode.isProperty { return .int(256) }
            if t != .void {
                bag.add(SemaDiagnostics.typeMismatch("unary '-' needs a signed integer, not '\(t)'", e.range))
            }
            return .void
        case .bitNot:
            if case .literal(let v) = t, let i = v.integer { return .literal(Rational(-i - 1)) }
            if t.isInteger || t.isFixedBytes { return t }
            bag.add(SemaDiagnostics.typeMismatch("'~' needs an integer, not '\(t)'", e.range))
            return .void
        }
    }

    private func binaryType(_ e: Expr, _ op: BinaryOperator, _ l: Expr, _ r: Expr) -> SolType {
        switch op {
        case .implies:
            if !context.mode.isProperty { bag.add(SemaDiagnostics.propertyOnly("==>", "in properties", e.range)) }
            expect(l, .bool, what: "operand of '==>'")
            expect(r, .bool, what: "operand of '==>'")
            return .bool
        case .and, .or:
            expect(l, .bool, what: "operand of '\(op.rawValue)'")
            expect(r, .bool, what: "operand of '\(op.rawValue)'")
            return .bool
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let lt = typeOf(l)
            let rt = typeOf(r)
            // A literal compared with a narrower integer: both compare in a type the literal fits
            // (`uint8 y; y < 300` compares as integers, as in solc).
            if let wide = comparisonWidening(l, lt, r, rt) { return wide }
            var t = unify(l, lt, r, rt, at: e.range)
            if case .literal(let v) = t {
                t = defaultLiteralType(v)
                _ = convertLiteral(l, literalValue(lt), to: t, what: "operand")
                _ = convertLiteral(r, literalValue(rt), to: t, what: "operand")
            }
            let ordering = op != .equal && op != .notEqual
            if ordering, !t.isInteger, !t.isAddressLike, !t.isFixedBytes {
                if t != .void {
                    bag.add(SemaDiagnostics.typeMismatch("'\(op.rawValue)' needs integers, not '\(t)'", e.range))
                }
            } else if !ordering {
                switch t {
                case .structType, .mapping, .string, .callResult:
                    bag.add(SemaDiagnostics.typeMismatch("values of type '\(t)' cannot be compared", e.range))
                default: break
                }
            }
            return .bool
        case .shiftLeft, .shiftRight:
            let lt = typeOf(l)
            let rt = typeOf(r)
            if case .literal(let a) = lt, case .literal(let b) = rt {
                return foldOrReport(e, op, a, b)
            }
            if case .literal(let b) = rt {
                _ = convertLiteral(r, b, to: .uint(256), what: "shift amount")
            } else if case .uint = rt {
                if constants[r.id] == nil { noteArithmeticAbstraction(e) }
            } else if rt != .void {
                bag.add(SemaDiagnostics.typeMismatch("the shift amount must be unsigned, not '\(rt)'", r.range))
            }
            if case .literal(let a) = lt {
                let t = defaultLiteralType(a)
                _ = convertLiteral(l, a, to: t, what: "operand")
                return t
            }
            if !lt.isInteger, !lt.isFixedBytes, lt != .void {
                bag.add(SemaDiagnostics.typeMismatch("shifts need an integer, not '\(lt)'", l.range))
            }
            return lt
        case .power:
            let lt = typeOf(l)
            let rt = typeOf(r)
            guard case .literal(let b) = rt else {
                guard rt != .void, lt != .void else { return .void }
                // A literal base with a variable exponent computes in uint256 (int256 when
                // negative), as solc does since 0.7.
                var base = lt
                if case .literal(let a) = lt {
                    base = a.numerator < 0 ? .int(256) : .uint(256)
                    _ = convertLiteral(l, a, to: base, what: "base")
                }
                guard case .uint = rt, base.isInteger else {
                    bag.add(
                        SemaDiagnostics.typeMismatch("'**' needs an integer base and an unsigned exponent", e.range))
                    return .void
                }
                // Constants on both sides (`2 ** (uint8(type(E).max) + 1)`) make a constant.
                if let a = constants[l.id], let n = constants[r.id], n >= 0, n <= 256, base.contains(a.power(Int(n))) {
                    constants[e.id] = a.power(Int(n))
                    return base
                }
                noteArithmeticAbstraction(e)
                return base
            }
            if case .literal(let a) = lt { return foldOrReport(e, op, a, b) }
            _ = convertLiteral(r, b, to: .uint(256), what: "exponent")
            if !lt.isInteger, lt != .void {
                bag.add(SemaDiagnostics.typeMismatch("'**' needs an integer base, not '\(lt)'", l.range))
            }
            if let a = constants[l.id], let n = b.integer, n >= 0, n <= 256 {
                let v = a.power(Int(n))
                if lt.contains(v) { constants[e.id] = v }
            }
            return lt
        case .add, .subtract, .multiply, .divide, .modulo, .bitAnd, .bitOr, .bitXor:
            let lt = typeOf(l)
            let rt = typeOf(r)
            if case .literal(let a) = lt, case .literal(let b) = rt { return foldOrReport(e, op, a, b) }
            let t = unify(l, lt, r, rt, at: e.range)
            let bitwise = op == .bitAnd || op == .bitOr || op == .bitXor
            if !t.isInteger, !(bitwise && t.isFixedBytes), t != .void {
                bag.add(SemaDiagnostics.typeMismatch("'\(op.rawValue)' needs integers, not '\(t)'", e.range))
                return .void
            }
            if bitwise, t.isInteger, t.bitWidth > 64, constants[l.id] == nil, constants[r.id] == nil {
                noteArithmeticAbstraction(e)
            }
            // A constant defined from constants (`uint constant NEXT = BASE + 1;`) is constant too.
            if let a = constants[l.id], let b = constants[r.id], let v = Self.typedFold(op, a, b), t.contains(v) {
                constants[e.id] = v
            }
            return t
        }
    }

    /// `op` on two integer constants with Solidity's integer meaning (division truncates toward
    /// zero, the remainder takes the dividend's sign); nil for a division by zero.
    static func typedFold(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) -> BigInt? {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? nil : a.quotientAndRemainder(dividingBy: b).quotient
        case .modulo: return b == 0 ? nil : a.quotientAndRemainder(dividingBy: b).remainder
        case .bitAnd: return a & b
        case .bitOr: return a | b
        case .bitXor: return a ^ b
        default: return nil
        }
    }

    /// For a comparison of a literal with an integer type it does not fit: the literal converted
    /// to the 256-bit integer type of its sign and `bool`; nil otherwise.
    private func comparisonWidening(_ l: Expr, _ lt: SolType, _ r: Expr, _ rt: SolType) -> SolType? {
        func widen(_ literal: Expr, _ v: Rational, _ other: SolType) -> SolType? {
            guard other.isInteger, let n = v.integer, !other.contains(n) else { return nil }
            let wide: SolType = n < 0 || { if case .int = other { true } else { false } }() ? .int(256) : .uint(256)
            return convertLiteral(literal, v, to: wide, what: "operand") ? .bool : nil
        }
        if case .literal(let v) = lt { return widen(l, v, rt) }
        if case .literal(let v) = rt { return widen(r, v, lt) }
        return nil
    }

    /// A string or hex string literal: it becomes the `bytesN` it is compared with.
    private func isStringLiteral(_ e: Expr) -> Bool {
        if case .string = e.kind { true } else { false }
    }

    private func literalValue(_ t: SolType) -> Rational {
        if case .literal(let v) = t { return v }
        return Rational(0)
    }

    private func foldOrReport(_ e: Expr, _ op: BinaryOperator, _ a: Rational, _ b: Rational) -> SolType {
        switch ConstantFolding.fold(op, a, b) {
        case .success(let v): return .literal(v)
        case .failure(let problem):
            bag.error("sema.constant-expression", problem.message, at: e.range)
            return .void
        }
    }

    /// Arithmetic the engines over-approximate (any value of its type), which every result of
    /// the contract lists; properties evaluate it the same way but name no code.
    private func noteArithmeticAbstraction(_ e: Expr) {
        guard currentContract != nil, !context.mode.isProperty else { return }
        current.abstractions.append(Abstraction(kind: .arithmetic, range: e.range))
    }

    /// `[a, b, c]`: a fixed-size array in memory of the type of the first element every element
    /// converts to, a constant taking its smallest type (`[1, 2, 300]` is a `uint16[3]`), as solc
    /// types it. Decision: elements of value types only.
    private func arrayLiteralType(_ e: Expr, _ elements: [Expr]) -> SolType {
        let types = elements.map { typeOf($0) }
        if types.contains(.void) { return .void }
        func mobile(_ t: SolType) -> SolType? {
            guard case .literal(let v) = t else { return t }
            return v.integer.flatMap { smallestIntegerType(holding: [$0], signed: $0 < 0) }
        }
        for candidate in types.compactMap(mobile)
        where zip(elements, types).allSatisfy({ converts($0, $1, to: candidate) }) {
            guard candidate.isValueType else {
                bag.add(SemaDiagnostics.notSupported("an array literal of '\(candidate)' values", e.range))
                return .void
            }
            for (element, t) in zip(elements, types) { coerce(element, from: t, to: candidate, what: "array element") }
            return arrayType(of: candidate, size: elements.count)
        }
        let written = types.reduce(into: [String]()) { if !$0.contains("'\($1)'") { $0.append("'\($1)'") } }
        bag.error(
            "sema.array-literal",
            "no type that every element of the array literal converts to (they are \(written.joined(separator: ", ")))",
            at: e.range)
        return .void
    }

    /// For a literal beside an integer type it does not fit, as solc types `256 - n` with `uint8
    /// n`: the smallest integer type of the other's sign that holds it (solc's mobile type), the
    /// common type of both; nil when the literal fits, or is not an integer of that sign.
    private func wideningFor(_ v: Rational, _ other: SolType) -> SolType? {
        guard let n = v.integer, other.isInteger, !other.contains(n) else { return nil }
        return smallestIntegerType(holding: [n], signed: other.isSigned)
    }

    /// The smallest integer type of the sign given that holds every one of `values` (solc's
    /// mobile type of constants); nil when none does.
    private func smallestIntegerType(holding values: [BigInt], signed: Bool) -> SolType? {
        stride(from: 8, through: 256, by: 8).lazy.map { signed ? SolType.int($0) : .uint($0) }
            .first { t in values.allSatisfy { t.contains($0) } }
    }

    /// The type of `c ? a : b`: two constants take the smallest type that holds both (`f ? 1 : 2`
    /// is a `uint8`, as in solc); otherwise the operands' common type.
    private func branchesType(_ a: Expr, _ b: Expr, at range: SourceRange) -> SolType {
        // `c ? (x, 0) : (0, y)` or `c ? (false, 0) : f()`: component by component, so that
        // constants take the other branch's types.
        func components(_ e: Expr) -> [Expr]? {
            guard case .tuple(let parts) = e.kind, !parts.contains(where: { $0 == nil }) else { return nil }
            return parts.compactMap { $0 }
        }
        switch (components(a), components(b)) {
        case (let xs?, let ys?) where xs.count == ys.count:
            return tupleBranches(a, b, SolType.tuple(zip(xs, ys).map { branchesType($0, $1, at: range) }))
        case (let xs?, nil):
            let tb = typeOf(b)
            guard case .tuple(let parts) = tb, parts.count == xs.count else {
                return unify(a, typeOf(a), b, tb, at: range)
            }
            return tupleBranches(a, nil, SolType.tuple(zip(xs, parts).map { unify($0, typeOf($0), b, $1, at: range) }))
        case (nil, let ys?):
            let ta = typeOf(a)
            guard case .tuple(let parts) = ta, parts.count == ys.count else {
                return unify(a, ta, b, typeOf(b), at: range)
            }
            return tupleBranches(b, nil, SolType.tuple(zip(parts, ys).map { unify(a, $0, $1, typeOf($1), at: range) }))
        default:
            break
        }
        let ta = typeOf(a)
        let tb = typeOf(b)
        if case .literal(let x) = ta, case .literal(let y) = tb, let m = x.integer, let n = y.integer,
            let t = smallestIntegerType(holding: [m, n], signed: m < 0 || n < 0)
        {
            _ = convertLiteral(a, x, to: t, what: "operand")
            _ = convertLiteral(b, y, to: t, what: "operand")
            return t
        }
        return unify(a, ta, b, tb, at: range)
    }

    /// Records `t` as the type of the tuples written out among a conditional's branches.
    private func tupleBranches(_ a: Expr, _ b: Expr?, _ t: SolType) -> SolType {
        types[a.id] = t
        if let b { types[b.id] = t }
        return t
    }

    /// The common type of two operands; literals take the other operand's type (or the
    /// smallest wider one that holds them, as solc).
    func unify(_ l: Expr, _ lt: SolType, _ r: Expr, _ rt: SolType, at range: SourceRange) -> SolType {
        if lt == .void || rt == .void { return .void }
        switch (lt, rt) {
        case (.literal(let a), .literal(let b)):
            let t = a.numerator < 0 || b.numerator < 0 ? SolType.int(256) : .uint(256)
            _ = convertLiteral(l, a, to: t, what: "operand")
            _ = convertLiteral(r, b, to: t, what: "operand")
            return t
        case (.literal(let a), _):
            let t = wideningFor(a, rt) ?? rt
            return convertLiteral(l, a, to: t, what: "operand") ? t : .void
        case (_, .literal(let b)):
            let t = wideningFor(b, lt) ?? lt
            return convertLiteral(r, b, to: t, what: "operand") ? t : .void
        case (.uint(let a), .uint(let b)):
            return .uint(max(a, b))
        case (.int(let a), .int(let b)):
            return .int(max(a, b))
        case (.uint, .int), (.int, .uint):
            if context.mode.isProperty { return .int(256) }
            bag.add(SemaDiagnostics.mixedSignedness(lt, rt, range))
            return .void
        case (.address, .address):
            return .address(payable: false)
        case (.tuple(let a), .tuple(let b)) where a.count == b.count:
            // Component by component: the wider of two integers.
            var parts: [SolType] = []
            for (x, y) in zip(a, b) {
                if isImplicitlyConvertible(x, to: y) {
                    parts.append(y)
                } else if isImplicitlyConvertible(y, to: x) {
                    parts.append(x)
                } else {
                    bag.add(SemaDiagnostics.typeMismatch("cannot combine '\(lt)' and '\(rt)'", range))
                    return .void
                }
            }
            return .tuple(parts)
        case (.string, .fixedBytes) where isStringLiteral(l):
            return coerce(l, from: lt, to: rt, what: "operand") ? rt : .void
        case (.fixedBytes, .string) where isStringLiteral(r):
            return coerce(r, from: rt, to: lt, what: "operand") ? lt : .void
        case (.fixedBytes(let n), .fixedBytes(let m)) where n != m:
            // The narrower is widened to the other's size (`bytes20 ^ bytes32`).
            return n < m
                ? (coerce(l, from: lt, to: rt, what: "operand") ? rt : .void)
                : (coerce(r, from: rt, to: lt, what: "operand") ? lt : .void)
        default:
            if lt == rt { return lt }
            if lt.isAddressLike && rt.isAddressLike && context.mode.isProperty { return .address(payable: false) }
            bag.add(SemaDiagnostics.typeMismatch("cannot combine '\(lt)' and '\(rt)'", range))
            return .void
        }
    }

    private func assignmentType(_ e: Expr, _ op: AssignmentOperator, _ lhs: Expr, _ rhs: Expr) -> SolType {
        if case .tuple(let components) = lhs.kind {
            return tupleAssignmentType(op, lhs, components, rhs)
        }
        let lt = typeOf(lhs)
        checkAssignable(lhs)
        if let binary = op.binary {
            defer { noteBuiltInCheck(e, binary, right: rhs, type: lt) }
            let rt = typeOf(rhs)
            if binary == .shiftLeft || binary == .shiftRight {
                if case .literal(let b) = rt { _ = convertLiteral(rhs, b, to: .uint(256), what: "shift amount") }
            } else {
                _ = coerce(rhs, from: rt, to: lt, what: "right-hand side of '\(op.spelling)'")
            }
            // `&=`, `|=`, `^=`, `<<=`, `>>=` work on `bytesN` too.
            let bitwise: Set<BinaryOperator> = [.bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight]
            if !lt.isInteger, !(lt.isFixedBytes && bitwise.contains(binary)), lt != .void {
                bag.add(SemaDiagnostics.typeMismatch("'\(op.spelling)' needs an integer, not '\(lt)'", lhs.range))
            }
        } else {
            if case .mapping = lt {
                bag.add(SemaDiagnostics.notSupported("assigning a whole mapping", e.range))
            }
            expect(rhs, lt, what: "the assigned value")
        }
        return lt
    }

    /// `(a, , c) = rhs`: each component written is assignable and takes its value's type.
    private func tupleAssignmentType(_ op: AssignmentOperator, _ lhs: Expr, _ components: [Expr?], _ rhs: Expr)
        -> SolType
    {
        if op.binary != nil {
            bag.error("sema.tuple-compound", "'\(op.spelling)' cannot assign to several values", at: lhs.range)
        }
        let targets: [SolType?] = components.map { c in
            guard let c else { return nil }
            let t = typeOf(c)
            checkAssignable(c)
            return t
        }
        if case .tuple(let values) = rhs.kind, values.count == targets.count {
            var componentTypes: [SolType] = []
            for (value, target) in zip(values, targets) {
                guard let value else {
                    bag.error("sema.tuple-gap", "a value can only be left out on the left of '='", at: rhs.range)
                    componentTypes.append(.void)
                    continue
                }
                if let target {
                    expect(value, target, what: "the assigned value")
                    componentTypes.append(target)
                } else {
                    componentTypes.append(typeOf(value))
                }
            }
            types[rhs.id] = .tuple(componentTypes)
        } else {
            var rt = typeOf(rhs)
            // `(ok, data) = to.call(...)`: a call's result is a `bool` and `bytes`.
            if rt == .callResult { rt = .tuple([.bool, .bytes]) }
            guard case .tuple(let values) = rt, values.count == targets.count else {
                if rt != .void {
                    bag.add(
                        SemaDiagnostics.typeMismatch(
                            "cannot assign '\(rt)' to \(targets.count) values", rhs.range))
                }
                return .void
            }
            for (value, (target, c)) in zip(values, zip(targets, components)) {
                if let target, let c, !isImplicitlyConvertible(value, to: target) {
                    bag.add(SemaDiagnostics.typeMismatch("cannot assign '\(value)' to '\(target)'", c.range))
                }
            }
        }
        types[lhs.id] = .tuple(targets.map { $0 ?? .void })
        return .void
    }

    /// Reports when `e` cannot be written; records state writes for view checks.
    func checkAssignable(_ e: Expr) {
        switch e.kind {
        case .parenthesized(let inner):
            checkAssignable(inner)
        case .identifier,
            .member where isStateVariable(e):
            switch references[e.id] {
            case .local(let id)?:
                if storageLocals.contains(id) { noteStateWrite(e) }
            case .stateVariable(let i)?:
                let v = current.stateVariables[i]
                if v.isConstant {
                    bag.error("sema.assign-to-constant", "cannot assign to constant '\(v.name)'", at: e.range)
                } else if v.isImmutable, !(context.function?.runsAtDeployment ?? false) {
                    bag.error(
                        "sema.assign-to-immutable", "immutable '\(v.name)' can only be assigned in the constructor",
                        at: e.range)
                }
                noteStateWrite(e)
            case nil:
                return  // already reported
            default:
                bag.add(SemaDiagnostics.notLValue(e.range))
            }
        case .index(let base, _):
            checkAssignable(base)
        case .call:
            // `StorageSlot.getAddressSlot(SLOT).value = x`: the storage at a constant slot.
            if case .stateVariable? = references[e.id] {
                noteStateWrite(e)
            } else if let aliased = slotOfArguments[e.id] {
                checkAssignable(aliased)
            } else if calls[e.id] != nil {  // (an unresolved call is reported already)
                // A `storage` reference (a slot that is not a constant) or a `memory` object
                // (OpenZeppelin's `Accumulators`, cast in assembly) a function returns.
                bag.add(
                    SemaDiagnostics.notSupported(
                        "assigning into the struct a function returns (a storage slot or a memory object)", e.range))
            }
        case .member(let base, _):
            if case .structField(let s, _)? = references[e.id], arrays[s] != nil {
                bag.error(
                    "sema.length-read-only", "an array's 'length' cannot be assigned (use push and pop)", at: e.range)
            } else if case .structField? = references[e.id] {
                checkAssignable(base)
            } else {
                bag.add(SemaDiagnostics.notLValue(e.range))
            }
        default:
            bag.add(SemaDiagnostics.notLValue(e.range))
        }
    }

    /// Records the built-in check at an arithmetic step `e` of the code, if it has one: a
    /// division or modulo by `right` that is not a nonzero constant (`panic@LINE:COL`), or an
    /// addition, subtraction or multiplication inside `unchecked` (`unchecked@LINE:COL`); the
    /// line and column are those of `right`.
    private func noteBuiltInCheck(_ e: Expr, _ op: BinaryOperator, right: Expr, type t: SolType) {
        guard t.isInteger else { return }
        switch op {
        case .divide, .modulo:
            if let c = constants[right.id], c != 0 { return }
            recordBuiltInCheck(.divisionByZero, at: e, located: right)
        case .add, .subtract, .multiply:
            // (A `where` would bind to `.multiply` alone.)
            if context.unchecked { recordBuiltInCheck(.uncheckedWrap, at: e, located: right) }
        default:
            return
        }
    }

    /// Records `check` at the step `e` when `e` is code (not a property), named and located at
    /// `place` (the divisor, the converted value): nested steps (`a / b / c`) start at the same
    /// place, their operands do not.
    func recordBuiltInCheck(_ check: BuiltInCheck, at e: Expr, located place: Expr) {
        guard currentContract != nil else { return }
        switch context.mode {
        case .code, .modifier: break
        default: return
        }
        // The checker types some expressions twice (the arguments of an overloaded call, once to
        // choose the overload and once against its parameters; a slot function's arguments):
        // each is one check.
        guard !current.asserts.contains(where: { $0.call == e.id && $0.builtIn == check }) else { return }
        current.asserts.append(
            AssertInfo(
                name: propertyName(check.kind, at: place.range, column: true), call: e.id, range: place.range,
                builtIn: check))
    }

    /// Whether `e` names a state variable (`x`, or `A.x` inside contract `A`).
    private func isStateVariable(_ e: Expr) -> Bool {
        if case .stateVariable? = references[e.id] { true } else { false }
    }

    func noteStateWrite(_ e: Expr) {
        context.writesState = true
        if context.mode.isProperty {
            bag.error("sema.property-writes-state", "properties and rules cannot write contract state", at: e.range)
        }
    }
}

extension SolType {
    func isInterfaceFunction(_ name: String, _ interfaces: [String: InterfaceInfo]) -> Bool {
        if case .interface(let i) = self {
            return interfaces[i].map { $0.functions[name] != nil || $0.overloads[name] != nil } ?? false
        }
        return false
    }
}
