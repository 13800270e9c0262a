// A base's private state variable may be declared again in a derived contract (it is not
// visible there): two variables, each used by its own contract's code.
// @expect assert@29 proved
// @expect assert@33 violated
pragma solidity ^0.8.20;

abstract contract Counter {
    uint256 private count;

    function bump() public {
        count += 1;
    }

    function counted() internal view returns (uint256) {
        return count;
    }
}

contract Twice is Counter {
    uint256 private count;

    function bumpOwn() public {
        count += 10;
    }

    function bumpBase() public {
        uint256 before = count;
        bump();
        assert(count == before);
    }

    function check() public view {
        assert(count == 0 || counted() == 0);
    }
}
