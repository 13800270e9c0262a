// Each invocation of a modifier has its own parameters and locals: in g(), mod(5) runs inside
// mod(2), so a = 5 is written first and a = 2 last (Solidity's semantic test
// modifiers/function_modifier_multiple_times_local_vars.sol).
// @expect assert@13 violated
// @expect assert@14 proved
// @expect-bmc assert@14 holds
contract TwiceApplied {
    uint a;
    modifier mod(uint x) { _; a = x; }
    function g() public mod(2) mod(5) { a = 0; }
    function h() public view {
        // afterwards a == 2, never 5
        assert(a != 2);
        assert(a != 5);
    }
}
