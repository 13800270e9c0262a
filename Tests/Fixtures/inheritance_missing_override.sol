// Overriding needs `override`, and the overridden function must be `virtual`.
// @expect-error 12:14 "must be marked 'override'"
// @expect-error 13:14 "which is not 'virtual'"
// @expect-error 14:25 "overrides nothing"
contract Base {
    uint256 internal x;
    function f() public virtual { x = 1; }
    function g() public { x = 2; }
}

contract Child is Base {
    function f() public { x = 3; }
    function g() public override { x = 4; }
    function h() public override { x = 5; }
}
