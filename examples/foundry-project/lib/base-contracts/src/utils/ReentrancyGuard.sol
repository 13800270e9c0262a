// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Judged in the contracts of src/ that use this code (a library file is read, not checked):
// @expect assert@ReentrancyGuard.sol:34 proved

/// OpenZeppelin 5's reentrancy guard: a function marked `nonReentrant` cannot be entered
/// again, directly or through another `nonReentrant` function, before it returns.
abstract contract ReentrancyGuard {
    uint256 private constant NOT_ENTERED = 1;
    uint256 private constant ENTERED = 2;

    uint256 private _status;

    error ReentrancyGuardReentrantCall();

    constructor() {
        _status = NOT_ENTERED;
    }

    modifier nonReentrant() {
        _nonReentrantBefore();
        _;
        _nonReentrantAfter();
    }

    function _nonReentrantBefore() private {
        if (_status == ENTERED) revert ReentrancyGuardReentrantCall();
        _status = ENTERED;
    }

    function _nonReentrantAfter() private {
        // Only a guarded function leaves the guard, and it entered it.
        assert(_status == ENTERED);
        _status = NOT_ENTERED;
    }

    function _reentrancyGuardEntered() internal view returns (bool) {
        return _status == ENTERED;
    }
}
