// Writes into a memory struct that its variable owns alone: a copy of storage or of call
// data, a struct made in place, a fresh value from an internal call. The engines treat
// memory objects as values, which is exact here (Tests/Fixtures/memory_aliasing.sol shows the
// writes that are not supported yet).
// @expect Structs.assert@25 proved
// @expect Structs.assert@26 proved
// @expect Structs.assert@32 proved
// @expect Structs.assert@38 proved
// @expect Structs.assert@44 proved
contract Structs {
    struct S {
        uint256 x;
        uint256 y;
    }

    S stored;

    function set(uint256 x) public {
        stored.x = x;
    }

    function copyOfStorage() public view {
        S memory c = stored;
        c.x = c.x / 2 + 1;
        assert(c.x != stored.x || stored.x <= 2);
        assert(c.y == stored.y);
    }

    function madeHere() public pure {
        S memory m = make(4);
        m.y += 1;
        assert(m.x == 4 && m.y == 1);
    }

    function reassigned(uint256 v) public pure {
        S memory a = S(v, v);
        a = S(1, 2);
        assert(a.x == 1);
    }

    function fromCalldata(S calldata s) external pure {
        S memory m = s;
        m.x = 9;
        assert(m.x == 9 && m.y == s.y);
    }

    function make(uint256 x) internal pure returns (S memory s) {
        s.x = x;
    }
}
