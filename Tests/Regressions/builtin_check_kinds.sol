// The kinds of built-in checks: a division by a value that may be zero (panic, on by default),
// and, asked for with --checks, unchecked steps that can wrap; a checked step is no built-in check.
// @checks assert,panic,unchecked
// @expect panic@14:68 violated
// @expect unchecked@17:29 violated
// @expect unchecked@20:80 proved
// @expect assert@23:9 proved
// @expect assert@23:24 proved
contract Kinds {
    uint total;
    uint8 small;
    function setTotal(uint t) public { total = t; }
    function setSmall(uint8 s) public { require(s < 100); small = s; }
    function ratio(uint a) public view returns (uint) { return a / total; }
    function doubled(uint a) public pure returns (uint) {
        uint r;
        unchecked { r = a * 2; }
        return r;
    }
    function bumped() public view returns (uint8) { unchecked { return small + 100; } }
    function checked(uint a) public pure returns (uint) {
        uint r = a + 1;
        assert(r > a); assert(r != 0);
        return r;
    }
}
