pragma solidity ^0.8.0;
// Imported by the import fixtures: another library `Math`.
library Math {
    function max(uint256 a, uint256 b) internal pure returns (uint256) { return a < b ? a : b; }
}
contract Twin {}
