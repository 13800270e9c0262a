import BigInt
import VigilBasics
import VigilSyntax

// Storage at a constant slot: OpenZeppelin's `StorageSlot.getAddressSlot(SLOT).value` and
// ERC-7201 namespaces (`function _getStorage() private pure returns (S storage $) { assembly {
// $.slot := LOCATION } }`). A function whose whole body is `assembly { r.slot := x }` is never
// run: each call of it with a constant slot names a state variable of its own, `slot 0x...`,
// which both engines and the interpreter treat as any other (docs/LANGUAGE-REFERENCE.md).

/// Where the storage a slot function returns lies.
enum SlotSource {
    /// The function's parameter at this position (a `bytes32`).
    case parameter(Int)
    /// A constant of this name.
    case constant(String)
    /// The slot of the `storage` parameter at this position (`r.slot := store.slot`).
    case slotOf(Int)
    /// The constant an internal function of this name returns (`bytes32 s = _slot(); assembly
    /// { r.slot := s }`, OpenZeppelin's `Initializable`).
    case returnedBy(String)
    /// The element of the `storage` array parameter at `array` whose position is the parameter
    /// at `position`: in a struct of one field over it when `stride` is nil (OpenZeppelin's
    /// `Arrays.unsafeAccess`, through `SlotDerivation`), else the element itself, a struct of
    /// `stride` slots (`Checkpoints._unsafeAccess`).
    case elementOf(array: Int, position: Int, stride: Int?)
}

extension Analyzer {
    /// The slot `f` returns the storage at, when its whole body is `assembly { r.slot := x }`
    /// for its one `storage` return `r` and `x` a parameter, a constant or the `.slot` of a
    /// `storage` parameter, or one of the shapes of `.returnedBy` and `.elementOf`; nil
    /// otherwise.
    func slotSource(_ f: FunctionDecl) -> SlotSource? {
        if let element = elementSlotSource(f) ?? elementStructSource(f) ?? returnedSlotSource(f) { return element }
        guard f.returns.count == 1, f.returns[0].location == .storage, let r = f.returns[0].name?.name,
            let body = f.body, body.statements.count == 1, case .assembly(let a) = body.statements[0].kind,
            a.body.statements.count == 1, case .assignment(let targets, let value, _) = a.body.statements[0],
            targets.count == 1, targets[0].name.name == r, targets[0].suffix?.name == "slot",
            case .path(let x) = value
        else { return nil }
        let parameter = f.parameters.firstIndex { $0.name?.name == x.name.name }
        switch (x.suffix?.name, parameter) {
        case (nil, let i?): return .parameter(i)
        case (nil, nil): return .constant(x.name.name)
        case ("slot", let i?) where f.parameters[i].location == .storage: return .slotOf(i)
        default: return nil
        }
    }

    /// `.elementOf` when `f`'s whole body is `bytes32 s; assembly { s := arr.slot } return
    /// s.deriveArray().offset(pos).getXSlot();` for `storage` array parameter `arr`, parameter
    /// `pos` and a `storage` return; nil otherwise.
    private func elementSlotSource(_ f: FunctionDecl) -> SlotSource? {
        func bound(_ e: Expr, _ method: String) -> (receiver: Expr, arguments: [Expr])? {
            guard case .call(let callee, let arguments) = e.kind, case .member(let receiver, let name) = callee.kind,
                name.name == method
                    || (method == "get*Slot" && name.name.hasPrefix("get") && name.name.hasSuffix("Slot"))
            else { return nil }
            return (receiver, arguments)
        }
        guard f.returns.count == 1, f.returns[0].location == .storage, let body = f.body, body.statements.count == 3,
            case .variable(let local, initializer: nil) = body.statements[0].kind, let s = local.name?.name,
            case .assembly(let a) = body.statements[1].kind, a.body.statements.count == 1,
            case .assignment(let targets, let value, _) = a.body.statements[0], targets.count == 1,
            targets[0].name.name == s, targets[0].suffix == nil, case .path(let x) = value, x.suffix?.name == "slot",
            let array = f.parameters.firstIndex(where: { $0.name?.name == x.name.name }),
            f.parameters[array].location == .storage,
            case .returnStmt(let returned?) = body.statements[2].kind,
            let get = bound(returned, "get*Slot"), get.arguments.isEmpty,
            let offset = bound(get.receiver, "offset"), offset.arguments.count == 1,
            case .identifier(let p) = offset.arguments[0].kind,
            let position = f.parameters.firstIndex(where: { $0.name?.name == p }),
            let derive = bound(offset.receiver, "deriveArray"), derive.arguments.isEmpty,
            case .identifier(s) = derive.receiver.kind
        else { return nil }
        return .elementOf(array: array, position: position, stride: nil)
    }

    /// `.elementOf` with a stride when `f`'s whole body is `assembly { mstore(0x00, arr.slot)
    /// r.slot := add(keccak256(0x00, 0x20), mul(pos, K)) }` (or `pos` alone for K = 1) for
    /// `storage` array parameter `arr`, parameter `pos` and `storage` return `r`; nil otherwise.
    private func elementStructSource(_ f: FunctionDecl) -> SlotSource? {
        func number(_ e: YulExpression) -> BigInt? {
            guard case .literal(let text, _) = e else { return nil }
            return text.hasPrefix("0x") ? BigInt(text.dropFirst(2), radix: 16) : BigInt(text)
        }
        func parameter(_ e: YulExpression, suffix: String?) -> Int? {
            guard case .path(let p) = e, p.suffix?.name == suffix else { return nil }
            return f.parameters.firstIndex { $0.name?.name == p.name.name }
        }
        guard f.returns.count == 1, f.returns[0].location == .storage, let r = f.returns[0].name?.name,
            let body = f.body, body.statements.count == 1, case .assembly(let a) = body.statements[0].kind,
            a.body.statements.count == 2,
            case .expression(.call(let store, let stored, _)) = a.body.statements[0], store.name == "mstore",
            stored.count == 2, number(stored[0]) == 0, let array = parameter(stored[1], suffix: "slot"),
            f.parameters[array].location == .storage,
            case .assignment(let targets, .call(let add, let terms, _), _) = a.body.statements[1],
            targets.count == 1, targets[0].name.name == r, targets[0].suffix?.name == "slot", add.name == "add",
            terms.count == 2, case .call(let hash, let hashed, _) = terms[0], hash.name == "keccak256",
            hashed.count == 2, number(hashed[0]) == 0, number(hashed[1]) == 32
        else { return nil }
        if let position = parameter(terms[1], suffix: nil) {
            return .elementOf(array: array, position: position, stride: 1)
        }
        guard case .call(let mul, let factors, _) = terms[1], mul.name == "mul", factors.count == 2,
            let position = parameter(factors[0], suffix: nil), let stride = number(factors[1]), stride > 0,
            stride < 1 << 16
        else { return nil }
        return .elementOf(array: array, position: position, stride: Int(stride))
    }

    /// `.returnedBy` when `f`'s whole body is `bytes32 s = g(); assembly { r.slot := s }` for its
    /// one `storage` return `r` and an internal function `g` without arguments; nil otherwise.
    private func returnedSlotSource(_ f: FunctionDecl) -> SlotSource? {
        guard f.returns.count == 1, f.returns[0].location == .storage, let r = f.returns[0].name?.name,
            let body = f.body, body.statements.count == 2,
            case .variable(let local, initializer: let initializer?) = body.statements[0].kind,
            let s = local.name?.name, case .call(let callee, let arguments) = initializer.kind, arguments.isEmpty,
            case .identifier(let g) = callee.kind,
            case .assembly(let a) = body.statements[1].kind, a.body.statements.count == 1,
            case .assignment(let targets, .path(let x), _) = a.body.statements[0], targets.count == 1,
            targets[0].name.name == r, targets[0].suffix?.name == "slot", x.name.name == s, x.suffix == nil
        else { return nil }
        return .returnedBy(g)
    }

    /// How many storage slots a value of type `t` takes (Solidity's packing: value types share a
    /// slot while they fit, a struct starts and ends on a slot); nil where not computed here.
    private func storageSlotCount(_ t: SolType) -> Int? {
        switch t {
        case .structType(let name) where arrays[name] == nil:
            var slots = 0
            var used = 32
            for field in structs[name]?.fields ?? [] {
                if let size = field.type.packedSize {
                    if used + size > 32 {
                        slots += 1
                        used = 0
                    }
                    used += size
                } else {
                    guard let n = storageSlotCount(field.type) else { return nil }
                    slots += n
                    used = 32
                }
            }
            return slots
        case .mapping: return 1
        default: return t.packedSize == nil ? nil : 1
        }
    }

    /// Whether the function being checked is a slot function (its assembly is never run).
    var inSlotFunction: Bool {
        context.function.map { slotSource($0.decl) != nil } ?? false
    }

    /// The constant `f()` returns when `f` is an internal function whose whole body is `return K;`
    /// for a constant `K` (OpenZeppelin's `_reentrancyGuardStorageSlot()`, the override that runs).
    private func constantReturned(by e: Expr) -> BigInt? {
        guard case .call(_, let arguments) = e.kind, arguments.isEmpty, case .internalFunction(let key)? = calls[e.id]
        else { return nil }
        return constantReturned(byFunction: key)
    }

    /// The constant the contract's function `key` returns when its whole body is `return K;`.
    private func constantReturned(byFunction key: String) -> BigInt? {
        guard let body = current.functions[key]?.decl.body, body.statements.count == 1,
            case .returnStmt(let value?) = body.statements[0].kind
        else { return nil }
        if let c = constants[value.id] { return c }
        guard case .identifier(let name) = value.kind, let i = current.stateIndex[name],
            current.stateVariables[i].isConstant, let initializer = current.stateVariables[i].initializer
        else { return nil }
        return constants[initializer.id]
    }

    /// A call of a slot function: the state variable of its slot (made on first use), which the
    /// call then names (`references`); "not supported yet" unless the slot is a constant.
    func slotCall(_ e: Expr, _ info: FunctionInfo, _ source: SlotSource, arguments: [Expr]) -> SolType {
        checkArguments(info.name, info.parameterTypes, arguments, at: e.range)
        guard let t = info.returnType, case .structType(let structName) = t,
            let typeName = info.decl.returns.first?.type
        else {
            bag.add(SemaDiagnostics.notSupported("storage at a slot of a type that is not a struct", e.range))
            return info.returnType ?? .void
        }
        var slot: BigInt?
        switch source {
        case .slotOf(let i):
            // `getStringSlot(store)`: a struct of one field over `store` itself.
            let fields = structs[structName]?.fields ?? []
            guard arguments.indices.contains(i), isStateLocation(arguments[i]), fields.count == 1,
                fields[0].type == types[arguments[i].id]
            else {
                bag.add(SemaDiagnostics.notSupported("storage at the slot of this variable", e.range))
                return t
            }
            slotOfArguments[e.id] = arguments[i]
            return t
        case .elementOf(let array, let position, let stride):
            // `unsafeAccess(arr, pos)`: `arr[pos]`, unchecked, or a struct of one field over it.
            let fields = structs[structName]?.fields ?? []
            guard arguments.indices.contains(array), arguments.indices.contains(position),
                isStateLocation(arguments[array]), let info = arrayInfo(types[arguments[array].id] ?? .void),
                stride.map({ info.element == t && storageSlotCount(t) == $0 })
                    ?? (fields.count == 1 && fields[0].type == info.element)
            else {
                bag.add(SemaDiagnostics.notSupported("storage at the slot of this array's element", e.range))
                return t
            }
            let element = Expr(
                id: copier.makeID(), kind: .index(base: arguments[array], index: arguments[position]), range: e.range)
            types[element.id] = info.element
            unsafeIndexes.insert(element.id)
            if stride == nil { slotOfArguments[e.id] = element } else { storageAliases[e.id] = element }
            return t
        case .returnedBy(let function):
            slot = constantReturned(byFunction: function)
        case .parameter(let i):
            slot =
                arguments.indices.contains(i) ? constants[arguments[i].id] ?? constantReturned(by: arguments[i]) : nil
        case .constant(let name):
            // A library's constant is linked as `L.X`.
            let owner = qualifiedParts(info.name)?.owner
            let index = current.stateIndex[name] ?? owner.flatMap { current.stateIndex["\($0).\(name)"] }
            if let index, let initializer = current.stateVariables[index].initializer {
                slot = constants[initializer.id]
            }
        }
        guard let slot else {
            bag.add(SemaDiagnostics.notSupported("storage at a slot that is not a constant", e.range))
            return t
        }
        let name = "slot 0x" + String(slot, radix: 16)
        if let i = current.stateIndex[name] {
            guard current.stateVariables[i].type == t else {
                bag.add(SemaDiagnostics.notSupported("one storage slot read as two types", e.range))
                return t
            }
            references[e.id] = .stateVariable(i)
        } else {
            let decl = StateVariableDecl(
                id: copier.makeID(), type: typeName, name: Identifier(name, e.range), visibility: .internal,
                isConstant: false, isImmutable: false, initializer: nil, range: e.range,
                inheritance: OverrideAttributes())
            references[e.id] = .stateVariable(current.stateVariables.count)
            current.stateIndex[name] = current.stateVariables.count
            current.stateVariables.append(StateVariableInfo(name: name, type: t, decl: decl))
            current.abstractions.append(Abstraction(kind: .storageSlot, range: e.range))
        }
        context.readsState = true
        return t
    }
}
