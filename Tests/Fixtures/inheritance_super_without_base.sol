// `super.f` with no base implementing `f`.
// @expect-error 9:9 "no base of 'C' implements 'f'"
contract A {
    uint256 internal x;
}

contract C is A {
    function f() public {
        super.f();
    }
}
