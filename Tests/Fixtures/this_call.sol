// `this.f()` is an external call to the contract itself, outside the subset;
// reported at `this`.
// @expect-error 13:9 "this"
contract SelfCall {
    uint x;

    function inc() public {
        x += 1;
    }

    function twice() public {
        inc();
        this.inc();
    }
}
