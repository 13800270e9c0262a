// A file-level constant of an interface type, and one defined from another.
// @expect assert@16 proved
// @expect assert@17 violated
pragma solidity ^0.8.20;

interface IERC20 {
    function totalSupply() external view returns (uint256);
}

IERC20 constant TOKEN = IERC20(address(1));
uint256 constant BASE = 10;
uint256 constant LIMIT = BASE * BASE;

contract UsesFileConstants {
    function check(uint256 x) public pure {
        assert(address(TOKEN) == address(1) && LIMIT == 100);
        assert(x < LIMIT);
    }
}
