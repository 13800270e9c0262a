// @expect-error 5:5 "an unnamed function ('function() { ... }', the old fallback) is Solidity before 0.8"
contract Old {
    uint x;
    function f() public { x = 1; }
    function() payable { }
}
