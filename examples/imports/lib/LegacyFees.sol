// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The fee rules of the legacy vault: the same names as lib/Fees.sol (a constant and a
// library `Fees`), other values. Each file sees the one it imports.

uint256 constant MAX_FEE = 1000;

library Fees {
    /// Takes the fee from a balance; the legacy code never capped it.
    function charge(uint256 balance, uint256 fee) internal pure returns (uint256) {
        assert(fee <= MAX_FEE); // @expect assert@LegacyFees.sol:12 violated
        return balance - fee;
    }
}
