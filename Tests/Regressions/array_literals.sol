// Array literals (`[uint256(1), 2, a]`): a fixed-size array in memory of the type of the
// first element every element converts to, a constant taking its smallest type (`[1, 2, 3]`
// is a `uint8[3]`, `[1, 300]` a `uint16[2]`), as solc types them; assigned to state, read,
// passed to a function. The engines and the interpreter agree: the last assert is violated
// (a = 3), replayed.
// @expect Lit.assert@17 proved
// @expect Lit.assert@18 proved
// @expect Lit.assert@19 proved
// @expect Lit.assert@20 violated
contract Lit {
    uint256[3] public weights;

    function set(uint256 a) external {
        uint256[3] memory w = [uint256(1), 2, a];
        weights = w;
        (uint8[3] memory small, uint16[2] memory mixed) = ([1, 2, 3], [1, 300]);
        assert(small[2] + mixed[1] == 303);
        assert(w[2] == a);
        assert(weights[0] + weights[1] == 3);
        assert(sum3([a, a, 1]) != 7);
    }

    function sum3(uint256[3] memory xs) internal pure returns (uint256) {
        return xs[0] + xs[1] + xs[2];
    }
}
