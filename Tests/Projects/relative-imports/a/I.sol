interface I { function f() external returns (uint256); }
