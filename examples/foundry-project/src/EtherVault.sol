// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ReentrancyGuard} from "@base/utils/ReentrancyGuard.sol";

/// A vault that guards deposit and withdraw with OpenZeppelin's `nonReentrant`, but forgot
/// the guard on `transferCredit`. During withdraw's ether transfer the recipient re-enters
/// `transferCredit` and hands its credit to a second account before withdraw zeroes it:
/// the credit is paid out once and still owed once (specs/EtherVault.spec).
// @expect backed violated
contract EtherVault is ReentrancyGuard {
    mapping(address => uint256) public credit;

    function deposit() external payable nonReentrant {
        credit[msg.sender] += msg.value;
    }

    function withdraw() external nonReentrant {
        uint256 amount = credit[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        credit[msg.sender] = 0;
    }

    function transferCredit(address to, uint256 amount) external {
        require(credit[msg.sender] >= amount);
        credit[msg.sender] -= amount;
        credit[to] += amount;
    }
}
