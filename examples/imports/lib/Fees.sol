// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The fee rules of the current vault, as file-level declarations and a library: what
// `import {A, B} from` brings one by one. lib/LegacyFees.sol declares the same names.

uint256 constant MAX_FEE = 100;

error FeeTooHigh(uint256 fee);

struct Account {
    uint256 balance;
    uint256 paid;
}

function capped(uint256 fee) pure returns (uint256) {
    return fee > MAX_FEE ? MAX_FEE : fee;
}

library Fees {
    /// Takes the fee, capped, from the account's balance.
    function charge(Account storage a, uint256 fee) internal {
        uint256 f = capped(fee);
        a.balance -= f;
        a.paid += f;
        assert(f <= MAX_FEE); // @expect assert@Fees.sol:26 proved
    }
}
