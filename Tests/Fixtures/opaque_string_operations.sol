// `string` and `bytes` contents: length, indexing, push/pop in storage, hashing and
// concatenation are supported (Tests/Regressions/bytes_contents.sol, hashing_and_abi.sol);
// so are string mapping keys (Tests/Regressions/bytes_mapping_keys.sol), and Solidity's own
// rules hold (no `.length` of a string, slices only in calldata, `push` only in storage).
// @expect-error 18:19 "values of type 'string' cannot be compared"
// @expect-error 19:23 "a 'string' has no length; 'bytes(s).length' has"
// @expect-error 20:29 "only 'bytes' and dynamic arrays in calldata can be sliced, not 'bytes'"
// @expect-error 22:11 "'push' is only available on arrays in storage, not in memory or calldata"
// @expect-error 23:29 "a slice of an array of structs or arrays is not supported yet"
contract S {
    struct P {
        uint256 v;
    }
    string s;
    mapping(string => uint256) m;

    function f(string memory x, bytes memory y, P[] calldata ps) public {
        bool eq = s == x;
        uint256 n = x.length;
        bytes memory part = y[1:];
        bytes memory w = new bytes(2);
        w.push(0x01);
        P[] calldata some = ps[1:];
    }
}
