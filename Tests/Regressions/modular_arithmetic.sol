// `addmod` and `mulmod` compute exactly (no overflow in between); a modulus that may be zero
// is a built-in check, Solidity's panic (a variable modulus too, even one that holds the maximum).
// @expect Modular.assert@14 proved
// @expect Modular.panic@14:33 proved
// @expect Modular.assert@15 proved
// @expect Modular.panic@19:29 violated
// @expect Modular.assert@20 violated
// @expect Modular.panic@24:42 proved
contract Modular {
    uint256 public last;

    function exact(uint256 a, uint256 b) external pure {
        uint256 max = type(uint256).max;
        assert(addmod(max, max, max) == 0);
        assert(mulmod(a, b, 7) < 7);
    }

    function anyModulus(uint256 a, uint256 n) external {
        last = mulmod(a, a, n);
        assert(last != 4);
    }

    function guarded(uint256 a, uint256 n) external pure returns (uint256) {
        return n == 0 ? 0 : addmod(a, 1, n);
    }
}
