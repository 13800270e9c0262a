// `type(E).max` and `type(E).min` of an enum, and constants computed from them (a bitmap of
// every state, as OpenZeppelin's Governor builds it), converted and raised to constant powers.
// @expect G.assert@9 proved
// @expect G.assert@10 proved
contract G {
    enum State { Pending, Active, Done }
    bytes32 private constant ALL = bytes32((2 ** (uint8(type(State).max) + 1)) - 1);
    function f(State s) external pure {
        assert(uint8(s) <= uint8(type(State).max));
        assert(ALL == bytes32(uint256(7)));
    }
}
