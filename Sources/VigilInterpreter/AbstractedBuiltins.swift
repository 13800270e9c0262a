import BigInt
import VigilBasics
import VigilSema
import VigilSyntax

// The built-ins the engines over-approximate (hashing, ABI encoding, concatenation), computed
// for real where the replay can: Keccak-256 as Ethereum defines it, the ABI's encodings of
// elementary values, `bytes` and `string`. What it cannot compute (`sha256`, `ripemd160`,
// `ecrecover`, `abi.decode`, encoding structs and arrays) leaves the trace unconfirmed.

extension Machine {
    func evaluateAbstracted(_ e: Expr, _ builtin: AbstractedBuiltin, arguments: [Expr]) throws(Interruption) -> Value {
        let notComputed = Interruption.unconfirmable(
            "'\(builtin.rawValue)' at line \(line(of: e.range)) is abstracted, and the replay does not compute it")
        switch builtin {
        case .keccak256:
            guard let a = arguments.first, let bytes = try evaluate(a).bytesContents() else {
                throw Value.environmentBytes
            }
            return .int(Keccak256.value(bytes))
        case .sha256, .ripemd160, .ecrecover, .blockhash, .abiDecode:
            throw notComputed
        case .abiEncode, .abiEncodePacked:
            var values: [AbiValue] = []
            for a in arguments {
                guard let v = try abiValue(try evaluate(a), type(of: a)) else { return .none }
                values.append(v)
            }
            return Value.bytes(builtin == .abiEncode ? AbiEncoding.encode(values) : AbiEncoding.encodePacked(values))
        case .abiEncodeWithSelector, .abiEncodeWithSignature, .abiEncodeCall:
            let arguments = builtin.encodedOperands(arguments)
            guard let first = arguments.first else { throw notComputed }
            var selector: [UInt8]
            if builtin != .abiEncodeWithSignature {
                selector = AbiEncoding.word(try evaluateNumber(first), bytes: 4)
            } else {
                guard let signature = try evaluate(first).bytesContents() else { throw Value.environmentBytes }
                selector = Array(Keccak256.hash(signature).prefix(4))
            }
            var values: [AbiValue] = []
            for a in arguments.dropFirst() {
                guard let v = try abiValue(try evaluate(a), type(of: a)) else { return .none }
                values.append(v)
            }
            return Value.bytes(selector + AbiEncoding.encode(values))
        case .bytesConcat, .stringConcat:
            var out: [UInt8] = []
            for a in arguments {
                let v = try evaluate(a)
                if case .fixedBytes(let n) = type(of: a) {
                    out += AbiEncoding.word(try v.number(), bytes: n)
                } else {
                    guard let bytes = try v.bytesContents() else { return .none }
                    out += bytes
                }
            }
            return Value.bytes(out)
        }
    }

    /// A value as the ABI encodes it; nil for what the replay does not encode (structs, arrays,
    /// bytes the environment chose).
    func abiValue(_ v: Value, _ t: SolType) throws(Interruption) -> AbiValue? {
        switch t {
        case .bool: return .elementary(try v.boolean() ? 1 : 0, width: 1, leftAligned: false)
        case .uint(let bits), .int(let bits): return .elementary(try v.number(), width: bits / 8, leftAligned: false)
        case .address, .interface: return .elementary(try v.number(), width: 20, leftAligned: false)
        case .enumType: return .elementary(try v.number(), width: 1, leftAligned: false)
        case .fixedBytes(let n): return .elementary(try v.number(), width: n, leftAligned: true)
        case .literal: return .elementary(try v.number(), width: 32, leftAligned: false)
        case .bytes, .string: return try v.bytesContents().map { .dynamic($0) }
        default: return nil
        }
    }
}
