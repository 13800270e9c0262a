// Overloads that take as many arguments are told apart by the arguments' types, as solc does:
// the one every argument converts to implicitly.
// @expect Overloads.assert@21 violated
// @expect Overloads.assert@22 proved
// @expect Overloads.assert@34 proved
library Conv {
    function show(uint256 v) internal pure returns (uint256) {
        return v + 1;
    }

    function show(address a) internal pure returns (uint256) {
        return uint256(uint160(a)) % 7;
    }
}

contract Overloads {
    uint256 public last;

    function pick(uint256 v, address a) external {
        last = v;
        assert(Conv.show(v) != 5);
        assert(Conv.show(a) < 7);
    }

    function f(uint8) internal pure returns (uint256) {
        return 1;
    }

    function f(bytes32) internal pure returns (uint256) {
        return 2;
    }

    function both() external pure {
        assert(f(uint8(3)) == 1 && f(bytes32(0)) == 2 && f(200) == 1);
    }
}
