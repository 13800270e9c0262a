// SPDX-License-Identifier: MIT
// The §8 vault as plain Solidity, with no properties in it. Its property comes
// from specs/vault.spec:
//     spec SpecVault { invariant solvent: balance >= sum(balances); }
// The verdict is the same as for examples/vault_reentrancy.vigil: withdraw()
// pays with `.call` before zeroing, so a re-entrant withdraw() is paid twice.
// (The contract is named SpecVault so that it never clashes with the `Vault` of
// vault_reentrancy.vigil when the whole examples/ folder is checked in one run.)
//
// @expect solvent violated
pragma solidity ^0.8.20;

contract SpecVault {
    mapping(address => uint) balances;

    function deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function withdraw() public {
        uint amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");   // control leaves here
        require(ok);
        balances[msg.sender] = 0;                            // too late
    }
}
