// An internal call with the wrong number of arguments; reported at the call.
// @expect-error 11:9 "argument"
contract Args {
    uint x;

    function set(uint v) internal {
        x = v;
    }

    function run() public {
        set(1, 2);
    }
}
