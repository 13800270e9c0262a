// Internal function values: passed (`_push(who, _add, v)`), stored in state, handed to a
// library, called; a call runs the function the value names, and a value that names none
// reverts (Solidity's panic 0x51). Traces name the function a value holds.
// @expect Votes.assert@33 proved
// @expect Votes.assert@45 proved
// @expect Votes.assert@49 violated
// @expect Votes.assert@53 violated
library Ops {
    function run(uint256 a, uint256 b, function(uint256, uint256) pure returns (uint256) op)
        internal
        pure
        returns (uint256)
    {
        return op(a, b);
    }
}

contract Votes {
    mapping(address => uint256) public votes;
    uint256 public total;
    function(uint256, uint256) pure returns (uint256) chosen;

    function _add(uint256 a, uint256 b) private pure returns (uint256) {
        return a + b;
    }

    function _sub(uint256 a, uint256 b) private pure returns (uint256) {
        return a - b;
    }

    function viaLibrary(uint256 a) external pure returns (uint256) {
        uint256 r = Ops.run(a, 1, _add);
        assert(r == a + 1);
        return r;
    }

    function mint(address who, uint256 v) external { _push(who, _add, v); }

    function burn(address who, uint256 v) external { _push(who, _sub, v); }

    function choose(bool add) external { chosen = add ? _add : _sub; }

    function useChosen(uint256 a) external view returns (uint256) { return chosen(a, a); }

    function accounted(address who) external view { assert(votes[who] <= total); }

    function neverThree() external view {
        uint256 t = total;
        assert(t != 3);
    }

    function chosenAdds() external view {
        assert(chosen(1, 1) != 2);
    }

    function _push(address who, function(uint256, uint256) pure returns (uint256) op, uint256 delta) private {
        votes[who] = op(votes[who], delta);
        total = op(total, delta);
    }
}
