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
}

extension Analyzer {
    /// The slot `f` returns the storage at, when its whole body is `assembly { r.slot := x }`
    /// for its one `storage` return `r` and `x` a parameter, a constant or the `.slot` of a
    /// `storage` parameter; nil otherwise.
    func slotSource(_ f: FunctionDecl) -> SlotSource? {
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

    /// Whether the function being checked is a slot function (its assembly is never run).
    var inSlotFunction: Bool {
        context.function.map { slotSource($0.decl) != nil } ?? false
    }

    /// The constant `f()` returns when `f` is an internal function whose whole body is `return K;`
    /// for a constant `K` (OpenZeppelin's `_reentrancyGuardStorageSlot()`, the override that runs).
    private func constantReturned(by e: Expr) -> BigInt? {
        guard case .call(_, let arguments) = e.kind, arguments.isEmpty, case .internalFunction(let key)? = calls[e.id],
            let body = current.functions[key]?.decl.body, body.statements.count == 1,
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
