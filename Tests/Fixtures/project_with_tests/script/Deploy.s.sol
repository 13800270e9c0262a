// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Forge's scripts are never read by `vigil check`.
import {Script} from "forge-std/Script.sol";

contract Deploy is Script {}
