// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Forge's tests are never read by `vigil check`: forge-std is not here, and that is fine.
import {Test} from "forge-std/Test.sol";
import {Counter} from "../src/Counter.sol";

contract CounterTest is Test {
    function testIncrement() public {
        Counter c = new Counter();
        c.increment();
    }
}
