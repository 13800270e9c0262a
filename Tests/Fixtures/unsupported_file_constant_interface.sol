// @expect-error 6:1 "file-level constants and variables are not supported yet"
interface IERC20 {
    function totalSupply() external view returns (uint);
    receive() external payable;
}
IERC20 constant T = IERC20(address(1));
contract C { uint x; function g() public { x = 1; } }
