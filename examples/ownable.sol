// SPDX-License-Identifier: MIT
// An ownable contract with an unprotected initializer, as plain Solidity. Its
// properties are in specs/ownable.spec. The parametric rule
// onlyOwnerChangesOwner ("if the owner changes, the old owner sent the
// transaction") is checked once per public function (`call any`): it holds for
// setFee and transferOwnership, and is violated for exactly one,
// initialize(): it was meant for proxy deployments, the constructor never sets
// `initialized`, so anyone can call it once and make themselves owner.
// Check with: vigil examples/ownable.sol specs/ownable.spec
//
// @expect onlyOwnerChangesOwner[initialize] violated
// @expect onlyOwnerChangesOwner[setFee] proved
// @expect onlyOwnerChangesOwner[transferOwnership] proved
// @expect feeCapped proved
pragma solidity ^0.8.20;

contract SpecOwnable {
    address public owner;
    uint public fee;
    bool initialized;
    uint public constant MAX_FEE = 500;

    modifier onlyOwner() {
        require(msg.sender == owner, "not the owner");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function setFee(uint newFee) public onlyOwner {
        require(newFee <= MAX_FEE, "fee too high");
        fee = newFee;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero owner");
        owner = newOwner;
    }

    function initialize(address newOwner) public {
        require(!initialized, "already initialized");
        initialized = true;
        owner = newOwner;
    }
}
