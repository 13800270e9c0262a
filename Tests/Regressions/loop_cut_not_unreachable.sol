// A path cut at --loops is cut, not unreachable: the assert after a 10-iteration loop is reached
// (and true), and f() does not revert on every input.
// @expect assert@8 proved
// @expect-bmc assert@8 unknown
contract LongLoop {
    uint x;
    function f() public {
        x = 0; for (uint i = 0; i < 10; i++) { x += 1; } assert(x == 10);
    }
}
