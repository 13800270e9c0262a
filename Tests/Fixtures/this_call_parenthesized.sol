// `(this).f()` is `this.f()`: the same diagnostic, not a confusing "no function" on an address.
// @expect-error 6:54 "external calls through 'this' are not supported yet"
contract SelfCall {
    uint x;
    function k() public view returns (uint) { return x; }
    function h() public view returns (uint) { return (this).k(); }
}
