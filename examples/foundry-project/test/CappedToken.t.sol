// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Tests are Forge's, not Vigil's: `vigil check` never reads test/ (nor script/, *.t.sol,
// *.s.sol), so this import of forge-std, which this example does not vendor, is fine.
import {Test} from "forge-std/Test.sol";
import {CappedToken} from "../src/CappedToken.sol";

contract CappedTokenTest is Test {
    function testMintUpToCap() public {
        CappedToken token = new CappedToken(100);
        token.mint(address(this), 100);
        assertEq(token.totalSupply(), 100);
    }
}
