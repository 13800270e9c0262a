// An assert no execution reaches at all is vacuous, proved so by the unbounded engine.
// @expect assert@7 vacuous
// @expect-prove assert@7 vacuous
contract Capped {
    uint n;
    function step() public { if (n < 3) n += 1; }
    function f() public view { if (n >= 7) { assert(n < 7); } }
}
