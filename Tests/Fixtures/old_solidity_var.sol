// @expect-error 5:27 "'var' is Solidity before 0.8"
pragma solidity ^0.4.24;
contract Old {
    uint x;
    function f() public { var y = x; x = y; }
}
