// `T[]` names a type, which only `abi.decode` takes among expressions; as a value it is an error.
// @expect-error 6:21 "an array type cannot be used as a value"
contract A {
    function f() external pure returns (uint256) {
        uint256 x;
        x = uint256(uint256[]);
        return x;
    }
}
