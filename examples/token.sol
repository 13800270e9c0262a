// SPDX-License-Identifier: MIT
// A minimal fixed-supply token as plain Solidity. Its properties are in
// specs/token.spec: the supply invariant, a `transfer` rule (moves exactly
// `amount`, other balances unchanged, `from == to` included), a satisfy-rule
// with a witness, an unsatisfiable satisfy-rule, a vacuous rule and two
// `ensures` written in the spec form `ensures f: e;`.
// Check with: vigil examples/token.sol specs/token.spec
//
// @expect supply proved
// @expect transferMovesAmount proved
// @expect canReceive satisfied
// @expect cannotOverdraw unsatisfiable
// @expect contradictory vacuous
pragma solidity ^0.8.20;

contract SpecToken {
    mapping(address => uint) public balanceOf;
    uint public totalSupply;

    event Transfer(address from, address to, uint value);

    constructor(uint initialSupply) {
        balanceOf[msg.sender] = initialSupply;
        totalSupply = initialSupply;
        emit Transfer(address(0), msg.sender, initialSupply);
    }

    function transfer(address to, uint amount) public returns (bool) {
        require(balanceOf[msg.sender] >= amount, "insufficient balance");
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function burn(uint amount) public {
        balanceOf[msg.sender] -= amount;
        totalSupply -= amount;
        emit Transfer(msg.sender, address(0), amount);
    }
}
