// A modifier without a body leaves a contract that is not abstract unimplemented (solc's rule).
// @expect-error 3:10 "has no implementation of 'n'"
contract C {
    uint x;
    modifier m() { _; }
    modifier n() virtual;
    function g() public m { x = 1; }
}
