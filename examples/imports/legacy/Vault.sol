// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The legacy vault: the same contract name as ../Vault.sol, the legacy `Fees` library.

import {Fees} from "../lib/LegacyFees.sol";

contract Vault {
    mapping(address => uint256) balances;
    uint256 public lastFee;

    function deposit() public payable {
        balances[msg.sender] += msg.value;
    }

    function pay(uint256 fee) public {
        balances[msg.sender] = Fees.charge(balances[msg.sender], fee);
        lastFee = fee;
        assert(lastFee <= 1000); // @expect assert@19 proved
    }
}
