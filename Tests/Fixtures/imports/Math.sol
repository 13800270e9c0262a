pragma solidity ^0.8.0;
// Imported by the import fixtures: a library `Math` (imports/OtherMath.sol declares another).
library Math {
    function max(uint256 a, uint256 b) internal pure returns (uint256) { return a > b ? a : b; }
}
contract Twin {}
