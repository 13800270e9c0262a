// Named arguments, `f({b: y, a: x})`, are the call with its arguments in the parameters'
// order: for internal and library functions, interface functions and struct values. Each
// assert below fails (or becomes unreachable) if the arguments are taken in the written order.
// @expect assert@39 proved
// @expect assert@40 proved
// @expect assert@41 proved
// @expect assert@42 violated
// @expect assert@52 proved
pragma solidity ^0.8.20;

library Scale {
    function down(uint256 value, uint256 divisor) internal pure returns (uint256) {
        return value / divisor;
    }
}

interface ISink {
    function put(address to, uint256 amount) external returns (uint256);
}

contract NamedArguments {
    struct Pair {
        uint256 left;
        uint256 right;
    }

    ISink public sink;
    Pair public last;

    function minus(uint256 a, uint256 b) internal pure returns (uint256) {
        return a - b;
    }

    function f(uint256 x) public {
        require(x >= 4 && x < 100);
        uint256 d = minus({b: 3, a: x});
        last = Pair({right: 2, left: x});
        uint256 s = Scale.down({divisor: 2, value: x});
        assert(d == x - 3);
        assert(last.left == x && last.right == 2);
        assert(s == x / 2);
        assert(sink.put({amount: x, to: msg.sender}) == x);
    }

    function pair(uint256 a, uint256 b) internal pure returns (uint256, uint256) {
        return (a, b);
    }

    // A tuple declaration from a call with named arguments was "not supported yet".
    function g(uint256 x) public pure {
        (uint256 p, uint256 q) = pair({b: 1, a: x});
        assert(p == x && q == 1);
    }
}
