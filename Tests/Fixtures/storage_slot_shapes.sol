// OpenZeppelin's StorageSlot and TransientSlot shapes Vigil does not read yet: storage at a slot
// that is not a constant, assigning through a storage reference another function returns, a
// storage pointer computed in assembly, and overloads over user-defined value types of one
// underlying type where the argument's written type is not known (an array's element; a
// variable, a call's result or `T.wrap(...)` tell them apart): each "not supported yet" at its
// place.
// @expect-error 40:9 "storage at a slot that is not a constant is not supported yet"
// @expect-error 44:9 "assigning into the struct a function returns (a storage slot or a memory object) is not supported yet"
// @expect-error 28:13 "assigning 'r.slot' in inline assembly (a storage pointer) is not supported yet"
// @expect-error 48:22 "choosing among overloads of 'load' by argument type (they all take 1) is not supported yet"
// @expect-error 69:9 "storage at the slot of this variable is not supported yet"
// @expect-error 92:16 "storage at the slot of this array's element is not supported yet"
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

    function key(Slots.AddressKey[] calldata ks) external pure returns (bytes32) {
        return ks[0].load();
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

library Points {
    struct Point {
        uint256 key;
        uint256 value;
    }

    // The stride is the element's size in slots, 2 here: 1 is not this array's layout.
    function at(Point[] storage self, uint256 index) internal pure returns (Point storage result) {
        assembly {
            mstore(0x00, self.slot)
            result.slot := add(keccak256(0x00, 0x20), index)
        }
    }
}

contract History {
    Points.Point[] points;

    function last() external view returns (uint256) {
        return Points.at(points, points.length - 1).value;
    }
}
