// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Two files of this folder declare `contract Vault` (this one and legacy/Vault.sol), and
// two libraries named `Fees` exist: each file sees only what it declares and imports, and
// reports name the twins `examples/imports/Vault.sol:Vault` and `.../legacy/Vault.sol:Vault`.

import {Fees, Account, MAX_FEE, FeeTooHigh} from "./lib/Fees.sol";
import "./lib/LegacyFees.sol" as Legacy;

contract Vault {
    using Fees for Account;

    mapping(address => Account) accounts;
    uint256 public collected;
    uint256 public lastFee;

    function deposit() public payable {
        accounts[msg.sender].balance += msg.value;
    }

    function pay(uint256 fee) public {
        // The legacy limit, through the import alias: `Legacy.MAX_FEE` is 1000, `MAX_FEE` 100.
        if (fee > Legacy.MAX_FEE) revert FeeTooHigh(fee);
        Account storage a = accounts[msg.sender];
        uint256 before = a.paid;
        a.charge(fee);
        lastFee = a.paid - before;
        collected += lastFee;
        assert(lastFee <= MAX_FEE); // @expect assert@30 proved
    }
}
