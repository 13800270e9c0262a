// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Judged in the contracts of src/ that use this code (a library file is read, not checked):
// @expect assert@Math.sol:20 proved

/// A few of OpenZeppelin's `Math` functions, used with `using Math for uint256`.
library Math {
    function min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function max(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a : b;
    }

    /// `a - b`, or 0 when `b` exceeds `a`.
    function saturatingSub(uint256 a, uint256 b) internal pure returns (uint256 result) {
        result = a > b ? a - b : 0;
        assert(result <= a);
    }
}
