// OpenZeppelin's `Arrays.unsafeAccess(arr, pos)` shape: the array's slot taken in assembly,
// the element's slot derived (`deriveArray().offset(pos)`) and returned as a one-field struct
// in storage. Each call names `arr[pos]` itself, without the bounds check, for reading and
// writing. So a write through it is read back (proved), and a read past the end does not
// revert (violated, replayed). A recursive helper nothing calls is no error (it is never
// inlined); the library's other functions are checked as usual.
//
// `Checkpoints._unsafeAccess` shape: the element's slot computed in assembly (`add(keccak256(
// arr.slot), mul(pos, 2))` for a struct of two slots): the call is `arr[pos]`, unchecked, kept in
// a `storage` local or read through. The last checkpoint's key read through it is the array's
// (proved); writing past the end is allowed (violated: no panic, the assert fails).
// @expect Values.assert@68 proved
// @expect Values.panic@68:23 proved
// @expect Values.assert@73 violated
// @expect History.assert@106 proved
// @expect History.panic@106:35 proved
// @expect History.assert@112 violated
library SlotMath {
    function deriveArray(bytes32 slot) internal pure returns (bytes32 result) {
        assembly ("memory-safe") {
            mstore(0x00, slot)
            result := keccak256(0x00, 0x20)
        }
    }

    function offset(bytes32 slot, uint256 pos) internal pure returns (bytes32 result) {
        unchecked {
            return bytes32(uint256(slot) + pos);
        }
    }
}

library Slots {
    struct NumberSlot {
        uint256 value;
    }

    function getNumberSlot(bytes32 slot) internal pure returns (NumberSlot storage r) {
        assembly ("memory-safe") {
            r.slot := slot
        }
    }
}

library Lists {
    using SlotMath for bytes32;
    using Slots for bytes32;

    function unsafeAccess(uint256[] storage arr, uint256 pos) internal pure returns (Slots.NumberSlot storage) {
        bytes32 slot;
        assembly ("memory-safe") {
            slot := arr.slot
        }
        return slot.deriveArray().offset(pos).getNumberSlot();
    }

    function countDown(uint256 n) private pure returns (uint256) {
        return n == 0 ? 0 : countDown(n - 1);
    }
}

contract Values {
    uint256[] private values;

    function set(uint256 i, uint256 v) external {
        require(i < values.length);
        Lists.unsafeAccess(values, i).value = v;
        assert(values[i] == v);
    }

    function peek(uint256 i) external view returns (uint256 x) {
        x = Lists.unsafeAccess(values, i).value;
        assert(i < values.length);
    }

    function add(uint256 v) external {
        values.push(v);
    }
}

library Points {
    struct Point {
        uint256 key;
        uint256 value;
    }

    function at(Point[] storage self, uint256 index) internal pure returns (Point storage result) {
        assembly {
            mstore(0x00, self.slot)
            result.slot := add(keccak256(0x00, 0x20), mul(index, 2))
        }
    }
}

contract History {
    Points.Point[] private points;

    function push(uint256 key, uint256 value) external {
        points.push(Points.Point(key, value));
    }

    function latest() external view returns (uint256) {
        uint256 n = points.length;
        if (n == 0) return 0;
        Points.Point storage last = Points.at(points, n - 1);
        assert(last.key == points[n - 1].key);
        return last.value;
    }

    function bump(uint256 i) external {
        Points.at(points, i).value += 1;
        assert(i < points.length);
    }
}
