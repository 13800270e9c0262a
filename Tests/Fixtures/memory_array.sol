// Arrays in storage are supported; an array in memory or calldata is not yet (a memory
// array is a reference that assignments and calls share).
// @expect-error 7:16 "an array in memory or calldata (arrays in storage are) is not supported yet"
// @expect-error 11:9 "an array in memory or calldata"
contract Arrays {
    uint256[] internal kept;
    function f(uint256[] calldata values) external {
        kept.push(values.length);
    }
    function g() external {
        uint256[] memory copy = kept;
        copy[0] = 1;
    }
}
