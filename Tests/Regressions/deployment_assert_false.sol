// An `assert(false)` in the constructor is violated by every deployment, not vacuous.
// @expect assert@6 violated
contract AlwaysFails {
    uint s;
    constructor() {
        assert(false);
    }
    function f() public { s = 1; }
}
