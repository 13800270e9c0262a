// `x[i]` of a `bytesN` is its i-th byte (the first the most significant), an index at or past N
// is Solidity's panic; `^=`, `|=`, `&=` work on `bytesN`.
// @expect FB.panic@10:27 proved
// @expect FB.assert@12 violated
// @expect FB.panic@17:23 violated
contract FB {
    bytes16 constant DIGITS = "0123456789abcdef";

    function digit(uint256 v) external pure returns (bytes1) {
        bytes1 d = DIGITS[v & 0xf];
        d ^= 0x20;
        assert(d != "A");
        return d;
    }

    function out(uint256 i) external pure returns (bytes1) {
        return DIGITS[i];
    }
}
