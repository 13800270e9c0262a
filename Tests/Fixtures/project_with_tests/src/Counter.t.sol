// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// A test beside the sources: `*.t.sol` is never read, so this missing import is no error.
import {Test} from "forge-std/Test.sol";

contract CounterInSourcesTest is Test {}
