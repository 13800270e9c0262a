pragma solidity ^0.8.0;
import "./imports/Math.sol";
// @expect-error 2:1 "but in this file 'Math' already names the declaration in"
library Math {
    function max(uint256 a, uint256 b) internal pure returns (uint256) { return a; }
}
contract C {}
