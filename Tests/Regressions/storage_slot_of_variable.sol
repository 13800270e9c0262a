// OpenZeppelin's ShortStrings writes a long string through StorageSlot.getStringSlot(store), a
// slot function over another variable's slot (`r.slot := store.slot`): the field it returns is
// that variable itself.
// @expect Named.assert@25 proved
// @expect Named.assert@26 proved
// @expect Named.assert@27 violated
pragma solidity ^0.8.20;
library StorageSlot {
    struct StringSlot { string value; }
    function getStringSlot(string storage store) internal pure returns (StringSlot storage r) {
        assembly ("memory-safe") { r.slot := store.slot }
    }
}
library ShortStrings {
    function store(string memory value, string storage s) internal returns (uint256) {
        StorageSlot.getStringSlot(s).value = value;
        return bytes(value).length;
    }
}
contract Named {
    string name;
    string other;
    function rename(string memory value) external {
        uint256 n = ShortStrings.store(value, name);
        assert(bytes(name).length == n);
        assert(bytes(other).length == 0);
        assert(n < 2);
    }
}
