// A `string storage` parameter (OpenZeppelin's ShortStrings) aliases the string in state its
// argument names: reads through it see that string.
// @expect C.assert@16 proved
// @expect C.assert@17 proved
// @expect C.assert@18 violated
pragma solidity ^0.8.20;
library Lib {
    function nameLength(string storage s) internal view returns (uint256) { return bytes(s).length; }
    function copy(string storage s) internal pure returns (string memory) { return s; }
}
contract C {
    string name;
    string other;
    function set(string calldata v) external {
        name = v;
        assert(Lib.nameLength(name) == bytes(v).length);
        assert(bytes(Lib.copy(other)).length == bytes(other).length);
        assert(Lib.nameLength(name) < 3);
    }
}
