// Function overloading, as in OpenZeppelin's ERC20 (`_approve` with and without the event
// flag): overloads are told apart by their number of arguments, in the contract, in a base
// and in a library; entry points with one name are two functions in traces.
// @expect assert@51 proved
// @expect assert@52 proved
// @expect assert@56 violated
// @expect-bmc assert@56 violated
// @expect-prove assert@52 proved
pragma solidity ^0.8.20;

library Bits {
    function pick(uint256 a) internal pure returns (uint256) {
        return a;
    }

    function pick(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }
}

abstract contract Allowances {
    mapping(address => mapping(address => uint256)) internal allowance;
    uint256 internal events;

    function _approve(address owner, address spender, uint256 value) internal {
        _approve(owner, spender, value, true);
    }

    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal virtual {
        allowance[owner][spender] = value;
        if (emitEvent) events += 1;
    }
}

contract Token is Allowances {
    using Bits for uint256;

    function approve(address spender, uint256 value) public {
        _approve(msg.sender, spender, value);
    }

    function approve(address spender) public {
        _approve(msg.sender, spender, 0, false);
    }

    function _approve(address owner, address spender, uint256 value, bool emitEvent) internal override {
        super._approve(owner, spender, value.pick(1), emitEvent);
    }

    function check(address spender) public view {
        assert(uint256(7).pick(9) == 9 && spender == spender);
        assert(Bits.pick(3) == 3);
    }

    function count() public view {
        assert(events == 0);
    }
}
