// A mapping keyed by bool.
// @expect assert@7 violated
// @expect assert@8 proved
contract BoolKeys {
    mapping(bool => uint) m;
    function set(bool k, uint v) public { require(v < 10); m[k] = v; }
    function f() public view { assert(m[true] < 5); }
    function g() public view { assert(m[false] < 10); }
}
