// @expect-error 5:25 "modifiers named through a contract ('A.m') are not supported yet"
contract A {
    uint x;
    modifier m() { _; }
    function f() public A.m { x = 1; }
}
