// Asserts that run during deployment are properties like any other: the trace is the deployment
// (the constructor's body, its modifiers, state initialisers and the internal functions they call).
// @expect assert@16 violated
// @expect assert@17 violated
// @expect assert@18 violated
// @expect assert@23 violated
// @expect assert@24 proved
// @expect assert@27 violated
// @expect assert@31 violated
contract DeployChecks {
    uint s;
    uint t = initial(block.timestamp);

    constructor(uint a) payable positive(a) {
        check(a);
        assert(a == 0 || a == 3 || a == 7);
        assert(msg.value == 0);
        assert(address(this).balance == msg.value);
        s = a;
    }
    function f() public { s = 1; }
    function check(uint a) internal pure {
        assert(a != 3);
        assert(a == a);
    }
    function initial(uint v) internal pure returns (uint) {
        assert(v < 1000);
        return v;
    }
    modifier positive(uint a) {
        assert(a != 7);
        _;
    }
}
