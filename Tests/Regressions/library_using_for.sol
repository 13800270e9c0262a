// Libraries, inlined into the contract that uses them: `using L for T` on values and on
// a struct in storage (a `storage` receiver), `L.f(...)`, a library constant defined from
// a file-level one, a library's own struct and error, a free function, a qualified
// `revert L.Err()`.
// @expect assert@60 proved
// @expect assert@61 proved
// @expect assert@62 violated
// @expect assert@67 proved
// @expect-bmc assert@60 holds
// @expect-bmc assert@62 violated
// @expect-prove assert@60 proved
// @expect-prove assert@62 violated
pragma solidity ^0.8.20;

uint256 constant WAD = 1e18;

function min(uint256 a, uint256 b) pure returns (uint256) {
    return a < b ? a : b;
}

library FixedMath {
    uint256 internal constant HALF = WAD / 2;

    error Overflow(uint256 a, uint256 b);

    function mulWad(uint256 a, uint256 b) internal pure returns (uint256) {
        return (a * b + HALF) / WAD;
    }

    function clamp(uint256 x, uint256 cap) internal pure returns (uint256) {
        return min(x, cap);
    }
}

library Counters {
    struct Counter {
        uint256 value;
    }

    function current(Counter storage c) internal view returns (uint256) {
        return c.value;
    }

    function increment(Counter storage c) internal {
        c.value += 1;
    }
}

contract UsesLibraries {
    using FixedMath for uint256;
    using Counters for Counters.Counter;

    Counters.Counter private calls;
    uint256 public price = 2 * WAD;

    function value(uint256 amount) public returns (uint256) {
        if (amount > 10 ** 30) revert FixedMath.Overflow(amount, price);
        calls.increment();
        uint256 v = amount.mulWad(price);
        assert(v >= amount);
        assert(FixedMath.clamp(v, 100) <= 100);
        assert(calls.current() <= 3);
        return v;
    }

    function half() public pure {
        assert(FixedMath.HALF * 2 == WAD);
    }
}
