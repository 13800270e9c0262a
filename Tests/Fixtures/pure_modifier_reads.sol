// A modifier's reads count for the function it is applied to (solc rejects this too).
// @expect-error 6:14 "'h' is declared pure but reads state"
contract V {
    uint a;
    modifier r() { require(a == 0); _; }
    function h(uint x) public pure r returns (uint) { return x; }
}
