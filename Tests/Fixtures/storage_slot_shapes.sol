// OpenZeppelin's StorageSlot and TransientSlot shapes Vigil does not read yet: storage at a slot
// that is not a constant, assigning through a storage reference another function returns, a
// storage pointer computed in assembly, and overloads over user-defined value types of one
// underlying type, which Vigil does not tell apart: each "not supported yet" at its place.
// @expect-error 37:9 "storage at a slot that is not a constant is not supported yet"
// @expect-error 41:9 "assigning into the storage reference a function returns is not supported yet"
// @expect-error 25:13 "assigning 'r.slot' in inline assembly (a storage pointer) is not supported yet"
// @expect-error 45:41 "choosing among overloads of 'load' by argument type (they all take 1) is not supported yet"
// @expect-error 66:9 "storage at the slot of this variable is not supported yet"
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

    function nextSlot(bytes32 slot) internal pure returns (AddressSlot storage r) {
        assembly {
            r.slot := add(slot, 1)
        }
    }

    function load(AddressKey k) internal pure returns (bytes32) { return AddressKey.unwrap(k); }
    function load(UintKey k) internal pure returns (bytes32) { return UintKey.unwrap(k); }
}

contract Proxy {
    using Slots for Slots.AddressKey;

    function upgrade(address implementation, bytes32 slot) external {
        Slots.getAddressSlot(slot).value = implementation;
    }

    function next(address implementation) external {
        Slots.nextSlot(bytes32(0)).value = implementation;
    }

    function key(bytes32 k) external pure returns (bytes32) {
        return Slots.AddressKey.wrap(k).load();
    }
}

library Strings {
    struct StringSlot {
        string value;
        uint256 length;
    }

    function getStringSlot(string storage store) internal pure returns (StringSlot storage r) {
        assembly {
            r.slot := store.slot
        }
    }
}

contract Named {
    string name;

    function rename(string memory value) external {
        Strings.getStringSlot(name).value = value;
    }
}
