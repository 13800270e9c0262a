// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The only contract `vigil check` on this project checks (ProjectTests).
contract Counter {
    uint256 internal count;

    function increment() public {
        count += 1;
        assert(count > 0);
    }
}
