// A library's private constant read only inside its inline assembly (OpenZeppelin's Strings
// reads HEX_DIGITS so) comes with the library's functions into the contract that calls them.
// @expect UsesStr.assert@17 proved
library Str {
    bytes16 private constant HEX_DIGITS = "0123456789abcdef";

    function digit(uint256 v) internal pure returns (bytes1 d) {
        assembly ("memory-safe") {
            d := byte(and(v, 0xf), HEX_DIGITS)
        }
    }
}

contract UsesStr {
    function f(uint256 v) external pure returns (bytes1) {
        bytes1 d = Str.digit(v);
        assert(uint8(d) < 256);
        return d;
    }
}
