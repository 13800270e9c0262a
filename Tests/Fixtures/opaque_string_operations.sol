// `string` and `bytes` contents: length, indexing and push/pop in storage are supported (see
// Tests/Regressions/bytes_contents.sol); what else reads them is "not supported yet", each at
// its place, and Solidity's own rules hold (no `.length` of a string, slices only in calldata,
// `push` only in storage).
// @expect-error 18:13 "a 'string' mapping key (hashing) is not supported yet"
// @expect-error 21:21 "hashing ('keccak256') of a value that is not a constant string is not supported yet"
// @expect-error 22:27 "'string.concat' is not supported yet"
// @expect-error 23:19 "values of type 'string' cannot be compared"
// @expect-error 24:23 "a 'string' has no length; 'bytes(s).length' has"
// @expect-error 25:29 "only 'bytes' and dynamic arrays in calldata can be sliced, not 'bytes'"
// @expect-error 27:11 "'push' is only available on arrays in storage, not in memory or calldata"
// @expect-error 28:29 "a slice of an array of structs or arrays is not supported yet"
contract S {
    struct P {
        uint256 v;
    }
    string s;
    mapping(string => uint256) m;

    function f(string memory x, bytes memory y, P[] calldata ps) public {
        bool same = keccak256(bytes(s)) == keccak256(bytes(x));
        string memory z = string.concat(s, x);
        bool eq = s == x;
        uint256 n = x.length;
        bytes memory part = y[1:];
        bytes memory w = new bytes(2);
        w.push(0x01);
        P[] calldata some = ps[1:];
    }
}
