// Arrays in memory and call data: `push` and `pop` exist only in storage, `new` makes dynamic
// arrays only, and a write into a memory array that another name shares is not supported yet.
// @expect-error 14:11 "'push' is only available on arrays in storage, not in memory or calldata"
// @expect-error 15:16 "'pop' is only available on arrays in storage, not in memory or calldata"
// @expect-error 16:35 "'new' makes dynamic arrays; 'uint256[3]' has a fixed size"
// @expect-error 17:30 "'new T[]' makes an array when called: 'new T[](n)'"
// @expect-error 22:9 "writing into the memory object of 'copy', which another name may share, is not supported yet"
contract Arrays {
    uint256[] internal kept;

    function f(uint256[] calldata values) external {
        kept.push(values.length);
        uint256[] memory m = new uint256[](2);
        m.push(1);
        values.pop();
        uint256[3] memory x = new uint256[3](3);
        uint256[] memory y = new uint256[];
    }

    function g(uint256[] memory other) external {
        uint256[] memory copy = other;
        copy[0] = 1;
    }
}
