// A literal beside a narrower integer it does not fit takes the smallest wider type that holds
// it, as solc types `300 + n` with `uint8 n` (uint16) and `256 - n` (uint16): no overflow at 8 bits.
// @expect Widening.assert@10 proved
// @expect Widening.assert@11 violated
// @expect Widening.assert@12 proved
contract Widening {
    function f(uint8 n) external pure {
        uint16 w = 300 + n;
        uint16 d = 256 - n;
        assert(w >= 300);
        assert(w != 555);
        assert(d >= 1);
    }
}
