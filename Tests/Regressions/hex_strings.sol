// Hex string literals are the bytes they spell: as `bytesN` constants (padded on the right,
// as string literals are) and hashed as those bytes.
// @expect assert@18 proved
// @expect assert@19 proved
// @expect assert@20 proved
// @expect assert@21 violated
pragma solidity ^0.8.20;

contract HexStrings {
    bytes4 constant MAGIC = hex"1626ba7e";
    bytes2 constant PADDED = hex"ff";
    bytes32 constant HASHED = keccak256(hex"");
    uint256 public calls;

    function check(bytes4 value) public {
        calls += 1;
        bytes4 copy = value;
        assert(MAGIC == bytes4(0x1626ba7e));
        assert(PADDED == bytes2(0xff00));
        assert(HASHED == keccak256(""));
        assert(copy != hex"1626ba7e");
    }
}
