// `abi.encodeCall` checks its arguments against the function's parameters and names a function
// of an interface or contract; a mapping cannot be encoded, and `abi.decode` names types.
// @expect-error 15:36 "cannot use 'bool' as the argument of 'run' of type 'uint256'"
// @expect-error 16:24 "'abi.encodeCall' of this function is not supported yet"
// @expect-error 17:20 "a mapping cannot be ABI-encoded"
interface IThing {
    function run(uint256 x) external;
}

contract Encoding {
    mapping(uint256 => uint256) internal m;
    uint256 internal x;

    function pack(uint256 y) public view {
        abi.encodeCall(IThing.run, (true));
        abi.encodeCall(y, (x));
        abi.encode(m);
    }
}
