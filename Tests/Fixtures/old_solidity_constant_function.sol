// @expect-error 4:27 "a 'constant' function (now 'view') is Solidity before 0.8"
contract Old {
    uint x;
    function get() public constant returns (uint) { return x; }
}
