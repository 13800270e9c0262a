import BigInt
import Testing
import VigilBasics

/// Ethereum's Keccak-256 against known digests (computed with pycryptodome's keccak, and the
/// two every Solidity developer knows).
@Suite struct Keccak256Tests {
    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func knownDigests() {
        #expect(hex(Keccak256.hash([])) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(hex(Keccak256.hash(Array("transfer(address,uint256)".utf8))).hasPrefix("a9059cbb"))
        #expect(
            hex(Keccak256.hash(Array("MINTER_ROLE".utf8)))
                == "9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6")
    }

    /// A message of exactly one block (136 bytes) gets a whole block of padding; a longer one
    /// spans blocks.
    @Test func blockBoundaries() {
        #expect(
            hex(Keccak256.hash(Array(repeating: UInt8(ascii: "x"), count: 136)))
                == "50da8ef3747b7a7f01d08563aa11c72a2a668563fb928adc6e8d2a1ab4e36096")
        #expect(
            hex(Keccak256.hash(Array(repeating: UInt8(ascii: "a"), count: 200)))
                == "96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d")
    }

    @Test func theValueIsBigEndian() {
        #expect(Keccak256.value(Array("transfer(address,uint256)".utf8)) >> 224 == BigInt(0xa905_9cbb))
    }
}
