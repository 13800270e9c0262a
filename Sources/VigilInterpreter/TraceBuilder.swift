import BigInt
import VigilBasics
import VigilSema
import VigilSyntax
import VigilTrace

// Values as the trace shows them, and the state changes of a step.

extension Machine {
    /// A value of `type` for the trace: booleans, addresses, enum members by name, integers;
    /// a struct as text in Vigil syntax.
    func traceValue(_ v: Value, type: SolType) -> TraceValue {
        switch (v, type) {
        case (.bool(let b), _):
            return .bool(b)
        case (.int(let i), .address), (.int(let i), .interface):
            return .address(i)
        case (.int(let i), .enumType(let name, _)):
            guard let members = model.enums[name]?.members, i >= 0, i < BigInt(members.count) else { return .int(i) }
            return .enumMember("\(shortName(name)).\(members[Int(i)])")
        case (.int(let i), .function):
            return .text(contract.function(value: Int(clamping: i)).map { writtenName($0.name) } ?? "none")
        case (.int(let i), .fixedBytes(let n)):
            let hex = String(i, radix: 16)
            return .text("0x" + String(repeating: "0", count: max(0, 2 * n - hex.count)) + hex)
        case (.int(let i), _):
            return .int(i)
        case (.structure(let parts), .bytes), (.structure(let parts), .string):
            // A string as its text when it is printable, bytes in hex; the first 96 bytes.
            guard parts.count == 2, case .int(let length) = parts[0], case .mapping(let items) = parts[1] else {
                return .text("")
            }
            let bytes = (0..<Int(min(length, 96))).map { i -> UInt8 in
                if case .int(let b)? = items[BigInt(i)] { UInt8(clamping: b) } else { 0 }
            }
            let more = length > 96 ? "... (\(length) bytes)" : ""
            if type == .string, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f && $0 != 0x22 && $0 != 0x5c }) {
                return .text("\"" + String(decoding: bytes, as: UTF8.self) + "\"" + more)
            }
            return .text("0x" + hexDigits(bytes) + more)
        case (.structure(let parts), .structType) where model.array(type) != nil && parts.count == 2:
            // An array: its elements, up to 16 of them.
            guard let array = model.array(type), case .int(let length) = parts[0], case .mapping(let items) = parts[1]
            else { return .text("") }
            let shown = (0..<Int(min(length, 16))).map { i in
                render(traceValue(items[BigInt(i)] ?? zeros.zero(of: array.element), type: array.element))
            }
            return .text("[" + shown.joined(separator: ", ") + (length > 16 ? ", ... (\(length) elements)" : "") + "]")
        case (.structure(let fields), .structType(let name)):
            let types = model.structs[name]?.fields.map(\.type) ?? []
            let shown = fields.enumerated().map { i, f in
                render(traceValue(f, type: i < types.count ? types[i] : .void))
            }
            return .text("\(shortName(name))(\(shown.joined(separator: ", ")))")
        case (.structure(let values), .tuple(let types)):
            let shown = zip(values, types).map { render(traceValue($0, type: $1)) }
            return .text("(\(shown.joined(separator: ", ")))")
        case (.mapping, _):
            return .text("mapping")
        default:
            return .text("")
        }
    }

    /// A trace value as text: decimal integers, `0x` addresses, `true`/`false`, enum members.
    func render(_ v: TraceValue) -> String {
        switch v {
        case .int(let i): i.description
        case .bool(let b): b ? "true" : "false"
        case .address(let a): "0x" + String(a, radix: 16)
        case .enumMember(let name): name
        case .text(let t): t
        }
    }

    /// The last component of a qualified name: `Vault.S` → `S`.
    private func shortName(_ qualified: String) -> String {
        qualifiedParts(qualified)?.member ?? qualified
    }

    /// Every non-mapping state variable holding an address, with its value (e.g. `owner`).
    func roles() -> [NamedValue] {
        contract.stateVariables.enumerated().compactMap { i, v in
            guard v.type.isAddressLike, state.variables.indices.contains(i) else { return nil }
            return NamedValue(name: v.name, value: traceValue(state.variables[i], type: v.type))
        }
    }

    /// Records an emitted event in the innermost external call, for the trace: arguments named
    /// by the event's parameters (`arg1`, ... for unnamed ones), strings as written.
    func recordEvent(_ decl: EventDecl?, named name: String, arguments: [Expr], values: [Value], at s: Stmt)
        throws(Interruption)
    {
        guard !invocations.isEmpty else { throw .mismatch("internal: an event outside a call of the contract") }
        let parameters = decl?.parameters ?? []
        let named = zip(arguments, values).enumerated().map { i, pair in
            let (argument, value) = pair
            let shown: TraceValue =
                type(of: argument) == .string
                ? .text(text(of: argument.range)) : traceValue(value, type: type(of: argument))
            let parameter = i < parameters.count ? parameters[i].name?.name : nil
            return NamedValue(name: parameter ?? "arg\(i + 1)", value: shown)
        }
        let innermost = invocations.count - 1
        invocations[innermost].events.append(
            EventRecord(
                name: name, arguments: named, line: line(of: s.range),
                callsBefore: invocations[innermost].records.count))
    }

    // MARK: - State changes

    /// One leaf of the flattened state, with the key it sorts by and the zero value of its type.
    private struct Leaf {
        var order: [BigInt]
        var value: TraceValue
        var zero: TraceValue
    }

    /// The leaves that differ between two states, in order: state variables in declaration order
    /// (mapping keys ascending, fields in order), then the contract's `balance`.
    func changes(from old: ContractState, to new: ContractState) -> [StateChange] {
        let before = flatten(old)
        let after = flatten(new)
        var paths = Array(Set(before.keys).union(after.keys))
        paths.sort { a, b in
            let x = (before[a] ?? after[a])?.order ?? []
            let y = (before[b] ?? after[b])?.order ?? []
            return x.lexicographicallyPrecedes(y)
        }
        return paths.compactMap { path in
            let zero = (before[path] ?? after[path])?.zero ?? .int(0)
            let o = before[path]?.value ?? zero
            let n = after[path]?.value ?? zero
            return o == n ? nil : StateChange(path: path, old: o, new: n)
        }
    }

    /// Every leaf of the state by path; zero entries of mappings count as absent.
    private func flatten(_ s: ContractState) -> [[PathComponent]: Leaf] {
        var leaves: [[PathComponent]: Leaf] = [:]
        func walk(_ v: Value, _ t: SolType, _ path: [PathComponent], _ order: [BigInt], inMapping: Bool) {
            switch (v, t) {
            case (.mapping(let entries), .mapping(let keyType, let valueType)):
                for (k, entry) in entries {
                    // A `bytes` or `string` key is kept under its hash, shown as a `bytes32`.
                    let shown = keyType == .bytes || keyType == .string ? SolType.fixedBytes(32) : keyType
                    let key = keyType == .bool ? TraceValue.bool(k != 0) : traceValue(.int(k), type: shown)
                    walk(entry, valueType, path + [.key(key)], order + [k], inMapping: true)
                }
            case (.structure(let fields), .structType(let name)):
                let declared = model.structs[name]?.fields ?? []
                for (i, f) in fields.enumerated() where i < declared.count {
                    walk(
                        f, declared[i].type, path + [.field(declared[i].name)], order + [BigInt(i)],
                        inMapping: inMapping)
                }
            default:
                if inMapping, v.isZero { return }
                leaves[path] = Leaf(
                    order: order, value: traceValue(v, type: t), zero: traceValue(zeros.zero(of: t), type: t))
            }
        }
        for (i, variable) in contract.stateVariables.enumerated() where !variable.isConstant {
            guard s.variables.indices.contains(i) else { continue }
            walk(s.variables[i], variable.type, [.variable(variable.name)], [BigInt(i)], inMapping: false)
        }
        let balanceIndex = BigInt(contract.stateVariables.count)
        leaves[[.variable("balance")]] = Leaf(order: [balanceIndex], value: .int(s.balance), zero: .int(0))
        return leaves
    }
}
