// A power with a variable exponent (exact up to 8, beyond any value that may overflow), a shift
// by a variable amount and a wide bitwise operation of two variables are over-approximated:
// every result lists them, proofs through them stand, and counterexamples replay exactly. A
// literal base with a variable exponent computes in uint256.
// @expect Powers.assert@16 violated
// @expect Powers.assert@21 proved
// @expect Powers.assert@26 violated
// @expect Powers.assert@31 violated
contract Powers {
    uint256 public last;

    function grow(uint256 base, uint256 e) external {
        require(e < 4 && base < 10);
        uint256 p = base ** e;
        last = p;
        assert(p != 343);
    }

    function stays(uint256 x, uint8 k) external pure {
        uint256 shifted = x >> k;
        assert(x >= 0 && shifted >= 0);
    }

    function mask(uint256 a, uint256 b) external pure {
        uint256 m = a & b;
        assert(m != 1 || a == 1 || b != 1 || a % 2 == 0);
    }

    function tens(uint256 n) external pure {
        require(n < 3);
        assert(10 ** n != 100);
    }
}
