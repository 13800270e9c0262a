// An assert reached only after seven transactions is neither vacuous nor safe within depth 4.
// @expect assert@9 unknown // why: the failure needs 7 transactions, beyond --depth 4
// @expect-prove assert@9 unknown
// @expect assert@10 proved
// @expect-prove assert@10 proved
contract Deep {
    uint n;
    function step() public { n += 1; }
    function f() public view { if (n >= 7) { assert(n < 7); } }
    function g() public view { if (n >= 7) { assert(n >= 7); } }
}
