// SPDX-License-Identifier: MIT
// Forced ether breaking a strict equality, as plain Solidity with an in-code
// assert (no spec needed: an `assert` is a property, §1).
//
// deposit() assumes that ether only ever arrives through itself. The
// environment may force ether in before any transaction (§4), so the next
// deposit() finds address(this).balance > total and the assert fails.
// Trace: 1 wei is forced in, then deposit() with any msg.value.
//
// @expect assert@22 violated
pragma solidity ^0.8.20;

contract ForcedEtherAssert {
    uint total;

    constructor() payable {
        total = address(this).balance;
    }

    function deposit() public payable {
        total += msg.value;
        assert(address(this).balance == total);   // false once ether was forced in
    }
}
