// Two bases define `f`: the override must name both, and a contract that does not
// override it at all is an error too.
// @expect-error 16:25 "write 'override(A, B)'"
// @expect-error 19:10 "must override 'f'"
contract A {
    uint256 internal x;
    function f() public virtual { x = 1; }
}

contract B {
    uint256 internal y;
    function f() public virtual { y = 1; }
}

contract C is A, B {
    function f() public override(A) { x = 2; }
}

contract D is A, B {}
