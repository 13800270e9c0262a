// User-defined value types: `wrap` and `unwrap` keep the value, a library bound with
// `using ... global` works on them, and a type declared in a contract is named through it.
// @expect assert@34 proved
// @expect assert@35 violated
pragma solidity ^0.8.20;

type Price is uint128;

using PriceMath for Price global;

library PriceMath {
    function double(Price p) internal pure returns (Price) {
        return Price.wrap(Price.unwrap(p) * 2);
    }

    function isZero(Price p) internal pure returns (bool) {
        return Price.unwrap(p) == 0;
    }
}

contract Market {
    type Shares is uint256;

    Price internal last;
    Shares internal total;

    function quote(uint128 raw) public {
        Price p = Price.wrap(raw);
        last = p.double();
        total = Shares.wrap(Shares.unwrap(total) + 1);
    }

    function check() public view {
        assert(last.isZero() || Price.unwrap(last) >= 2);
        assert(Shares.unwrap(total) < 2);
    }
}
