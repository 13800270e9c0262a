// Asserts that run during deployment are properties like any other: the trace is the deployment.
// @expect assert@10 violated
// @expect assert@11 violated
// @expect assert@12 violated
// @expect assert@18 violated
// @expect assert@19 proved
contract DeployChecks {
    uint s;
    constructor(uint a) payable {
        assert(a == 0);
        assert(msg.value == 0);
        assert(address(this).balance == msg.value);
        s = a;
        check(a);
    }
    function f() public { s = 1; }
    function check(uint a) internal pure {
        assert(a != 3);
        assert(a == a);
    }
}
