// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

abstract contract Base {
    uint256 internal x;
}
