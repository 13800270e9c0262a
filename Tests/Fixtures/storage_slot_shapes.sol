// OpenZeppelin's StorageSlot and TransientSlot shapes: assigning through the storage reference a
// function returns, and overloads over user-defined value types of one underlying type, which
// Vigil does not tell apart: each "not supported yet" at its place.
// @expect-error 28:9 "assigning into the storage reference a function returns is not supported yet"
// @expect-error 32:41 "choosing among overloads of 'load' by argument type (they all take 1) is not supported yet"
// @expect-error 16:13 "assigning 'r.slot' in inline assembly (a storage pointer) is not supported yet"
library Slots {
    struct AddressSlot {
        address value;
    }
    type AddressKey is bytes32;
    type UintKey is bytes32;

    function getAddressSlot(bytes32 slot) internal pure returns (AddressSlot storage r) {
        assembly {
            r.slot := slot
        }
    }

    function load(AddressKey k) internal pure returns (bytes32) { return AddressKey.unwrap(k); }
    function load(UintKey k) internal pure returns (bytes32) { return UintKey.unwrap(k); }
}

contract Proxy {
    using Slots for Slots.AddressKey;

    function upgrade(address implementation) external {
        Slots.getAddressSlot(bytes32(uint256(1))).value = implementation;
    }

    function key(bytes32 k) external pure returns (bytes32) {
        return Slots.AddressKey.wrap(k).load();
    }
}
