// `this.f(...)` calls the contract's own public or external function (see
// Tests/Regressions/this_call.sol). Calling an internal one that way, a function it does not
// have, call options and `try` on such a call, and `this.f` as a value are reported.
// @expect-error 15:14 "'bump' is internal: only public and external functions can be called through 'this'"
// @expect-error 16:14 "the contract has no function 'missing'"
// @expect-error 17:9 "call options other than on '.call' or on a call of an interface function is not supported yet"
// @expect-error 18:13 "'try' on a call through 'this' is not supported yet"
// @expect-error 19:9 "a function of 'this' as a value"
contract SelfCall {
    uint x;
    function inc() public payable { x += 1; }
    function bump() internal { x += 2; }

    function misuse() public {
        this.bump();
        this.missing();
        this.inc{value: 1}();
        try this.inc() {} catch {}
        this.inc;
    }
}
