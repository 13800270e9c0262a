// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// A factory that deploys an escrow per deal with `new`. Vigil creates each escrow at a fresh
// address and treats its code (the constructor, and every later call into it) as code outside
// the run, which may call back: an over-approximation that every result states
// (`abstracted: contract creation at factory.sol:32`). A contract's name is a type; calls
// through it are external calls.

contract Escrow {
    address public buyer;
    address public seller;

    constructor(address b, address s) payable {
        buyer = b;
        seller = s;
    }

    function release() external {
        payable(seller).transfer(address(this).balance);
        assert(address(this).balance == 0); // @expect assert@21 proved
    }
}

contract EscrowFactory {
    mapping(address => Escrow) public escrowOf;
    uint256 public deals;

    function open(address seller) external payable {
        require(address(escrowOf[msg.sender]) == address(0), "one deal at a time");
        uint256 before = deals;
        Escrow e = new Escrow{value: msg.value}(msg.sender, seller);
        // A new contract is never at the zero address.
        assert(address(e) != address(0)); // @expect assert@34 proved
        escrowOf[msg.sender] = e;
        deals += 1;
        // Vigil does not take the escrow's code on trust: its constructor may call `open` again
        // before this deal is recorded (effects after the interaction), so one call can count
        // two deals. Recording the deal first would not help here: the count is what changes.
        assert(deals == before + 1); // @expect assert@40 violated
    }
}
