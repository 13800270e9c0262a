import BigInt

/// One value as the ABI encodes it: an elementary value at its width (`bytesN` aligned to the
/// left of a word, numbers to the right), or the bytes of a `bytes` or `string` value.
public enum AbiValue: Sendable, Hashable {
    /// A number (two's complement for negative ones) of `width` bytes; `bytesN` values set
    /// `leftAligned`, as the ABI pads them on the right.
    case elementary(BigInt, width: Int, leftAligned: Bool)
    case dynamic([UInt8])
}

/// The ABI's encodings of elementary values, `bytes` and `string` (Solidity's `abi.encode` and
/// `abi.encodePacked`).
public enum AbiEncoding {
    /// `abi.encode(values...)`: each static value in a 32-byte word in place, each dynamic one
    /// by its offset, its length and its bytes padded to whole words after all heads.
    public static func encode(_ values: [AbiValue]) -> [UInt8] {
        var offset = 32 * values.count
        var heads: [UInt8] = []
        var tails: [UInt8] = []
        for v in values {
            switch v {
            case .elementary(let x, let width, let leftAligned):
                let bytes = word(x, bytes: width)
                let padding = [UInt8](repeating: 0, count: 32 - width)
                heads += leftAligned ? bytes + padding : word(x, bytes: 32)
            case .dynamic(let bytes):
                heads += word(BigInt(offset), bytes: 32)
                let padding = (32 - bytes.count % 32) % 32
                let tail = word(BigInt(bytes.count), bytes: 32) + bytes + [UInt8](repeating: 0, count: padding)
                tails += tail
                offset += tail.count
            }
        }
        return heads + tails
    }

    /// `abi.encodePacked(values...)`: each value's bytes at its own width, one after the other.
    public static func encodePacked(_ values: [AbiValue]) -> [UInt8] {
        values.flatMap { v -> [UInt8] in
            switch v {
            case .elementary(let x, let width, _): word(x, bytes: width)
            case .dynamic(let bytes): bytes
            }
        }
    }

    /// The big-endian two's-complement bytes of `v` at a width of `bytes` bytes.
    public static func word(_ v: BigInt, bytes: Int) -> [UInt8] {
        let modulus = BigInt(1) << (8 * bytes)
        var x = ((v % modulus) + modulus) % modulus
        var out = [UInt8](repeating: 0, count: bytes)
        for i in stride(from: bytes - 1, through: 0, by: -1) {
            out[i] = UInt8(x & 0xff)
            x >>= 8
        }
        return out
    }
}
