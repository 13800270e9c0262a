// A `storage` parameter aliases its argument's location in state: `bump(s)` changes `s`.
// It was passed by value, and the assert below was a false `proved`.
// @expect assert@23 violated
// @expect assert@29 proved
// @expect-bmc assert@23 violated
// @expect-prove assert@23 violated
pragma solidity ^0.8.20;

contract StorageParameter {
    struct Counter {
        uint256 value;
    }

    Counter internal counter;
    mapping(address => Counter) internal perUser;

    function bump(Counter storage c) internal {
        c.value += 1;
    }

    function f() public {
        bump(counter);
        assert(counter.value == 0);
    }

    function g() public {
        uint256 before = perUser[msg.sender].value;
        bump(perUser[msg.sender]);
        assert(perUser[msg.sender].value == before + 1);
    }
}
