// Solidity before 0.8: one error at the first old construct, none after it, and the pragma's warning.
// @expect-error 6:39 "'throw' is Solidity before 0.8; Vigil reads Solidity 0.8"
pragma solidity ^0.4.24;
contract Old {
    uint x;
    function f() public { if (x == 1) throw; var y = x; }
    function() payable { }
}
