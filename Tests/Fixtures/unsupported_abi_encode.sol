// `abi.*` is outside the subset; reported at `abi`.
// @expect-error 5:9 "not supported yet"
contract Encoding {
    function pack(uint x) public pure {
        abi.encode(x);
    }
}
