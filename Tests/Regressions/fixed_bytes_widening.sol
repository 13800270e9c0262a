// A `bytesN` used where a wider `bytesM` is expected (an argument, an operand, a returned or
// assigned value) is padded with zeros on the right, as solc converts it: `bytes4(0xaabbccdd)`
// as a `bytes32` is `0xaabbccdd00...00`, and `bytes20 == bytes32` (or `^`) widens the `bytes20`
// (OpenZeppelin's `AccessManager`, `GovernorTimelockControl`).
// @expect Widening.assert@14 proved
// @expect Widening.assert@19 proved
// @expect Widening.assert@24 violated
contract Widening {
    function id(bytes32 x) internal pure returns (bytes32) {
        return x;
    }

    function argument(bytes4 selector) external pure {
        assert(id(selector) == bytes32(uint256(uint32(selector)) << 224));
    }

    function operand(bytes20 a, bytes32 b) external pure returns (bool same) {
        same = a == b;
        assert(same == (bytes32(a) == b));
    }

    function notAtTheRight(bytes4 selector) external pure {
        bytes32 wide = selector;
        assert(uint256(wide) == uint256(uint32(selector)));
    }
}
