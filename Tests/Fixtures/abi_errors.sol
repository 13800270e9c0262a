// `abi.encodeCall` is not supported yet; a mapping cannot be encoded, and `abi.decode` names
// types.
// @expect-error 13:9 "'abi.encodeCall' is not supported yet"
// @expect-error 14:20 "a mapping cannot be ABI-encoded"
interface IThing {
    function run(uint256 x) external;
}

contract Encoding {
    mapping(uint256 => uint256) internal m;

    function pack(uint256 x) public view {
        abi.encodeCall(IThing.run, (x));
        abi.encode(m);
    }
}
