// `new C(...)` creates a contract at a fresh address (neither zero, nor this contract's, nor the
// sender's); its code, the constructor and every later call into it, is treated as code outside
// the run, which may call back. A contract's name is a type: calls through it are external.
// @expect assert@24 proved
// @expect assert@25 proved
// @expect assert@28 violated
// @expect assert@34 violated
// @expect-prove assert@24 proved
// @expect-prove assert@34 violated
pragma solidity ^0.8.20;

contract Child {
    address public owner;
    constructor(address o) payable { owner = o; }
    function ping() external returns (uint256) { return 1; }
}

contract Factory {
    Child public last;
    uint256 public made;

    function make() public payable returns (address) {
        Child c = new Child{value: msg.value}(msg.sender);
        assert(address(c) != address(0));
        assert(address(c) != address(this) && address(c) != msg.sender);
        last = c;
        made += 1;
        assert(made < 2);
        return address(c);
    }

    function poke() public {
        // Child's code is not trusted to be the code above: any value comes back.
        assert(last.ping() == 1);
    }
}
