// `_;` is only meaningful in a modifier; reported at `_`.
// @expect-error 8:9 "modifier"
contract Placeholder {
    uint x;

    function f() public {
        x = 1;
        _;
    }
}
