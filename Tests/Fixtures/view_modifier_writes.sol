// A modifier's writes count for the function it is applied to (solc rejects this too).
// @expect-error 6:14 "'h' is declared view but changes state or hands over control"
contract V {
    uint a;
    modifier w() { a = 1; _; }
    function h() public view w { assert(a == 0); }
}
