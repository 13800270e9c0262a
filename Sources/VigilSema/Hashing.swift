import BigInt
import VigilBasics
import VigilSyntax

// Hashes the code computes from constants: `keccak256("...")`, `type(I).interfaceId`,
// `I.f.selector` and the selectors of errors and events, folded to constants (Ethereum's
// Keccak-256), so both engines and the interpreter see the same value and nothing is abstracted.

extension Analyzer {
    /// `keccak256(x)`: a `bytes32` constant when `x` is a string literal or `bytes("...")`;
    /// the hash of anything else is abstracted (see AbstractedBuiltins.swift).
    func hashCall(_ e: Expr, arguments: [Expr]) -> SolType {
        guard arguments.count == 1 else {
            bag.add(SemaDiagnostics.argumentCount("keccak256", expected: 1, got: arguments.count, e.range))
            for a in arguments { typeOf(a) }
            return .fixedBytes(32)
        }
        let a = arguments[0]
        typeOf(a)
        guard let bytes = constantBytes(a) else { return abstractedCall(e, .keccak256, arguments: arguments) }
        // An encoding of constants folded here is not abstracted after all.
        if currentContract != nil { current.abstractions.removeAll { $0.range == a.range } }
        constants[e.id] = Keccak256.value(bytes)
        return .fixedBytes(32)
    }

    /// The bytes of a string literal, also seen through `bytes(...)`, or of `abi.encode(...)` and
    /// `abi.encodePacked(...)` of constants (type hashes, role ids, `keccak256(abi.encodePacked("a", 1))`).
    private func constantBytes(_ e: Expr) -> [UInt8]? {
        switch e.kind {
        case .string(let bytes): return bytes
        case .parenthesized(let inner): return constantBytes(inner)
        case .identifier:
            // A `bytes` or `string` constant (solmate's `keccak256(PROXY_BYTECODE)`).
            guard currentContract != nil, case .stateVariable(let i)? = references[e.id],
                current.stateVariables.indices.contains(i), current.stateVariables[i].isConstant,
                let initializer = current.stateVariables[i].initializer
            else { return nil }
            return constantBytes(initializer)
        case .call(let callee, let arguments):
            if case .abstracted(let b)? = calls[e.id], b == .abiEncode || b == .abiEncodePacked {
                var values: [AbiValue] = []
                for a in arguments {
                    guard let v = constantAbiValue(a) else { return nil }
                    values.append(v)
                }
                return b == .abiEncode ? AbiEncoding.encode(values) : AbiEncoding.encodePacked(values)
            }
            guard case .elementaryType(.bytes) = callee.kind, arguments.count == 1 else { return nil }
            return constantBytes(arguments[0])
        default: return nil
        }
    }

    /// A constant argument of an ABI encoding as the ABI encodes it.
    private func constantAbiValue(_ a: Expr) -> AbiValue? {
        let t = types[a.id] ?? .void
        if t == .bytes || t == .string { return constantBytes(a).map { .dynamic($0) } }
        guard let c = constants[a.id] else { return nil }
        switch t {
        case .bool: return .elementary(c, width: 1, leftAligned: false)
        case .uint(let bits), .int(let bits): return .elementary(c, width: bits / 8, leftAligned: false)
        case .address, .interface: return .elementary(c, width: 20, leftAligned: false)
        case .enumType: return .elementary(c, width: 1, leftAligned: false)
        case .fixedBytes(let n): return .elementary(c, width: n, leftAligned: true)
        default: return nil
        }
    }

    /// `type(I).interfaceId`: the XOR of the selectors of the functions `I` declares itself
    /// (ERC-165; inherited functions are left out, as solc does).
    func interfaceID(_ interface: String) -> BigInt {
        var id = BigInt(0)
        for case .function(let f) in interfaceDecls[interface]?.members ?? [] {
            id ^= selector(f, in: interface)
        }
        return id
    }

    /// The first four bytes of the hash of `name(type,...)`, with the ABI's type names.
    func selector(_ f: FunctionDecl, in contract: String) -> BigInt {
        signatureHash(f.name.name, f.parameters, in: contract, bytes: 4)
    }

    /// The first `bytes` bytes of the Keccak-256 hash of `name(type,...)` (the parameters'
    /// types read in `contract`), as a number.
    private func signatureHash(_ name: String, _ parameters: [VariableDecl], in contract: String?, bytes: Int)
        -> BigInt
    {
        let types = parameters.map { abiName(resolveType($0.type, in: contract) ?? .void) }
        let signature = "\(name)(\(types.joined(separator: ",")))"
        return Keccak256.hash(Array(signature.utf8)).prefix(bytes).reduce(BigInt(0)) { $0 * 256 + BigInt($1) }
    }

    /// `E.selector` or `L.E.selector` of an error (a `bytes4`), `I.Ev.selector` or `Ev.selector` of
    /// an event (the `bytes32` topic): constants; nil when `base` names neither.
    private func errorOrEventSelector(_ e: Expr, base: Expr) -> SolType? {
        guard let written = writtenName(base) else { return nil }
        let contract = currentContract == nil ? nil : current.name
        func key<T>(_ table: [String: T]) -> String? { declarationKey(written, seenBy: contract, in: table) }
        // The contract a declaration's parameter types are read in: its owner's, or this one.
        func owner(_ k: String) -> String? {
            guard let dot = k.lastIndex(of: ".") else { return contract }
            return String(k[..<dot])
        }
        if let k = key(errorDecls), let d = errorDecls[k] {
            constants[e.id] = signatureHash(d.name.name, d.parameters, in: owner(k), bytes: 4)
            return .fixedBytes(4)
        }
        if let k = key(eventDecls), let d = eventDecls[k] {
            constants[e.id] = signatureHash(d.name.name, d.parameters, in: owner(k), bytes: 32)
            return .fixedBytes(32)
        }
        return nil
    }

    /// A type's name in a function signature: `uint256`, `address` (for interfaces and payable
    /// addresses too), `uint8` for an enum, `(T1,T2)` for a struct.
    private func abiName(_ t: SolType) -> String {
        switch t {
        case .uint(let b): "uint\(b)"
        case .int(let b): "int\(b)"
        case .bool: "bool"
        case .address, .interface: "address"
        case .fixedBytes(let n): "bytes\(n)"
        case .string: "string"
        case .bytes: "bytes"
        case .enumType: "uint8"
        case .structType(let q): "(" + (structs[q]?.fields.map { abiName($0.type) } ?? []).joined(separator: ",") + ")"
        default: "\(t)"
        }
    }

    /// The function `I.f` names, of an interface or contract `I` or one of its bases, with the
    /// contract that declares it; nil when none or several (overloads) have that name.
    func externalFunction(_ owner: String, _ name: String) -> (FunctionDecl, String)? {
        guard interfaceDecls[owner] != nil || contractDecls[owner] != nil else { return nil }
        let candidates = linearization(of: owner).flatMap { c in
            (inheritable(c)?.members ?? []).compactMap { m -> (FunctionDecl, String)? in
                if case .function(let f) = m, f.name.name == name { return (f, c) } else { return nil }
            }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// `I.f.selector`, `C.f.selector` (of any contract) or `this.f.selector`: the selector of that function, or nil
    /// when `e` is not such a member.
    func selectorMember(_ e: Expr, base: Expr, name: Identifier) -> SolType? {
        guard name.name == "selector" else { return nil }
        if let t = errorOrEventSelector(e, base: base) { return t }
        guard case .member(let owner, let function) = base.kind,
            case .identifier(let o) = owner.kind, lookupLocal(o) == nil
        else { return nil }
        if interfaceDecls[o] != nil || contractDecls[o] != nil {
            guard let (f, contract) = externalFunction(o, function.name) else {
                bag.add(SemaDiagnostics.notSupported("'.selector' of an overloaded or unknown function", e.range))
                return .fixedBytes(4)
            }
            constants[e.id] = selector(f, in: contract)
            return .fixedBytes(4)
        }
        if o == "this" || o == current.name, let f = current.functions[function.name] {
            constants[e.id] = selector(f.decl, in: current.name)
            return .fixedBytes(4)
        }
        return nil
    }
}
