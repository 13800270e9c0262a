// A compound assignment evaluates its right-hand side first, then reads its target: bump()
// sets x to 100 before `x -= ...` reads it, so x ends at 99.
// @expect assert@7 proved
contract Order {
    uint x = 5;
    function bump() internal returns (uint) { x = 100; return 1; }
    function f() public { x -= bump(); assert(x == 99); }
}
