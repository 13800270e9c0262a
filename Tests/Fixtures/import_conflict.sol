pragma solidity ^0.8.0;
import {Math} from "./imports/Math.sol";
import {Math} from "./imports/OtherMath.sol";
// @expect-error 3:1 "this import binds 'Math' to the declaration in"
contract C {
    function f(uint256 x) public pure returns (uint256) { return Math.max(x, 1); }
}
