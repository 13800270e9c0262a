// `string` and `bytes` values are opaque to Vigil: stored, passed, returned and emitted.
// What reads their contents is "not supported yet", each at its place.
// @expect-error 11:13 "a 'string' mapping key (hashing) is not supported yet"
// @expect-error 13:30 "'.length' of a 'bytes' value is not supported yet"
// @expect-error 14:25 "indexing a value of type 'bytes'"
// @expect-error 16:27 "'string.concat' is not supported yet"
// @expect-error 18:11 "'.push(...)' of a 'bytes' value is not supported yet"
contract S {
    string s;
    bytes b;
    mapping(string => uint256) m;
    function f(string memory x) public {
        uint256 n = bytes(x).length;
        uint8 c = uint8(b[0]);
        bool same = keccak256(bytes(s)) == keccak256(bytes(x));
        string memory y = string.concat(s, x);
        bool eq = s == x;
        b.push(0x01);
    }
}
