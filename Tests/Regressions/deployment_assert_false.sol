// An `assert(false)` in the constructor is violated by every deployment, not vacuous.
// @expect assert@8 violated
// @expect-prove assert@8 violated
// @expect-bmc assert@8 violated
contract AlwaysFails {
    uint s;
    constructor() {
        assert(false);
    }
    function f() public { s = 1; }
}
