import VigilBasics
import VigilSyntax

// Hashing of computed values, ABI encoding and decoding, `ecrecover` and concatenation: the
// engines take their results as any value of their type, an over-approximation every result of
// the contract lists; the interpreter computes the real values where it can.

extension Analyzer {
    /// A `bytes` or `string` mapping key: Solidity keeps the entry under the key's Keccak-256
    /// hash. The engines take any hash at each access (listed as hashing), the interpreter the
    /// real one. Not in properties yet (a property's access would be a hash of its own).
    func hashedKey(_ key: Expr) {
        if context.mode.isProperty {
            bag.add(SemaDiagnostics.notSupported("a 'bytes' or 'string' mapping key in a property", key.range))
        } else if currentContract != nil {
            current.abstractions.append(Abstraction(kind: .hashing, range: key.range))
        }
    }

    /// Checks a call of an abstracted built-in and returns its type.
    func abstractedCall(_ e: Expr, _ builtin: AbstractedBuiltin, arguments: [Expr]) -> SolType {
        calls[e.id] = .abstracted(builtin)
        if currentContract != nil, !context.mode.isProperty {
            current.abstractions.append(Abstraction(kind: builtin.abstraction, range: e.range))
        }
        switch builtin {
        case .keccak256, .sha256, .ripemd160:
            checkArguments(builtin.rawValue, [.bytes], arguments, at: e.range)
            return builtin == .ripemd160 ? .fixedBytes(20) : .fixedBytes(32)
        case .blockhash:
            checkArguments("blockhash", [.uint(256)], arguments, at: e.range)
            context.readsState = true
            return .fixedBytes(32)
        case .ecrecover:
            checkArguments(
                "ecrecover", [.fixedBytes(32), .uint(8), .fixedBytes(32), .fixedBytes(32)], arguments, at: e.range)
            return .address(payable: false)
        case .abiEncode, .abiEncodePacked:
            for a in arguments { encodable(a) }
            return .bytes
        case .abiEncodeWithSelector, .abiEncodeWithSignature:
            guard let first = arguments.first else {
                bag.add(SemaDiagnostics.argumentCount(builtin.rawValue, expected: 1, got: 0, e.range))
                return .bytes
            }
            expect(first, builtin == .abiEncodeWithSelector ? .fixedBytes(4) : .string, what: "the selector")
            for a in arguments.dropFirst() { encodable(a) }
            return .bytes
        case .abiEncodeCall:
            guard arguments.count == 2 else {
                bag.add(SemaDiagnostics.argumentCount("abi.encodeCall", expected: 2, got: arguments.count, e.range))
                for a in arguments { typeOf(a) }
                return .bytes
            }
            let (function, values) = (arguments[0], arguments[1])
            guard case .member(let owner, let name) = function.kind, case .identifier(let o) = owner.kind,
                lookupLocal(o) == nil, let (f, contract) = externalFunction(o, name.name)
            else {
                bag.add(SemaDiagnostics.notSupported("'abi.encodeCall' of this function", function.range))
                typeOf(values)
                return .bytes
            }
            // The function stands for its selector, a constant.
            types[function.id] = .fixedBytes(4)
            constants[function.id] = selector(f, in: contract)
            let parameters = f.parameters.map { resolveType($0.type, in: contract) ?? .void }
            if case .tuple = values.kind {
                expect(values, .tuple(parameters), what: "the arguments of '\(name.name)'")
            } else if parameters.count == 1 {
                expect(values, parameters[0], what: "the argument of '\(name.name)'")
            } else {
                typeOf(values)
                bag.add(
                    SemaDiagnostics.typeMismatch(
                        "'\(name.name)' takes \(parameters.count) arguments: write them as a tuple", values.range))
            }
            return .bytes
        case .abiDecode:
            guard arguments.count == 2 else {
                bag.add(SemaDiagnostics.argumentCount("abi.decode", expected: 2, got: arguments.count, e.range))
                for a in arguments { typeOf(a) }
                return .void
            }
            expect(arguments[0], .bytes, what: "the decoded data")
            return decodedTypes(arguments[1])
        case .bytesConcat, .stringConcat:
            let t: SolType = builtin == .bytesConcat ? .bytes : .string
            for a in arguments {
                let at = typeOf(a)
                if at == .void || at == t || (t == .bytes && at.isFixedBytes) { continue }
                if case .string = a.kind {
                    _ = coerce(a, from: at, to: t, what: "a concatenated value")
                    continue
                }
                bag.add(SemaDiagnostics.typeMismatch("'\(builtin.rawValue)' joins '\(t)' values, not '\(at)'", a.range))
            }
            return t
        }
    }

    /// An argument of `abi.encode...`: a value of any type but a mapping, a literal as `uint256`.
    private func encodable(_ a: Expr) {
        let t = typeOf(a)
        if case .literal(let v) = t {
            _ = convertLiteral(a, v, to: v.numerator < 0 ? .int(256) : .uint(256), what: "an encoded value")
        } else if case .mapping = t {
            bag.add(SemaDiagnostics.typeMismatch("a mapping cannot be ABI-encoded", a.range))
        }
    }

    /// The types of `abi.decode(data, (T1, T2))`: one type, or several as a tuple.
    private func decodedTypes(_ e: Expr) -> SolType {
        switch e.kind {
        case .parenthesized(let inner): return decodedTypes(inner)
        case .tuple(let parts):
            return .tuple(parts.map { $0.map(decodedType) ?? .void })
        default:
            return decodedType(e)
        }
    }

    private func decodedType(_ e: Expr) -> SolType {
        switch e.kind {
        case .elementaryType(let t): return t.solType
        case .arrayType(let t):
            if let resolved = resolveType(t, in: current.name) {
                types[e.id] = resolved
                return resolved
            }
            return .void
        case .identifier, .member:
            typeOf(e)
            if case .typeName(let t)? = references[e.id] { return t }
            if case .interface(let i) = types[e.id] ?? .void { return .interface(i) }
        default: break
        }
        bag.add(SemaDiagnostics.notSupported("this type in 'abi.decode'", e.range))
        return .void
    }
}
