// Overloads that differ only in user-defined value types of one underlying type (OpenZeppelin's
// `TransientSlot.tload(BooleanSlot)` / `tload(Uint256Slot)`, `Memory.equal(Pointer, Pointer)` /
// `equal(Slice, Slice)`): the call takes the overload of the types its arguments are written
// with (a variable's declared type, what a function returns, `T.wrap(...)`), plain or bound by
// `using`. Each assert is proved only if the right overload runs; the last one is violated
// because it does.
// @expect Picker.assert@31 proved
// @expect Picker.assert@32 proved
// @expect Picker.assert@33 proved
// @expect Picker.assert@34 proved
// @expect Picker.assert@35 violated
library Units {
    type Small is uint256;
    type Large is uint256;

    function describe(Small s) internal pure returns (uint256) { return Small.unwrap(s) + 1; }
    function describe(Large l) internal pure returns (uint256) { return Large.unwrap(l) + 1000; }
    function small(uint256 v) internal pure returns (Small) { return Small.wrap(v); }
    function large(uint256 v) internal pure returns (Large) { return Large.wrap(v); }
}

contract Picker {
    using Units for *;

    Units.Large stored;

    function pick(uint256 v) external view {
        require(v < 10);
        Units.Small s = Units.small(v);
        Units.Large l = stored;
        assert(Units.describe(s) < 11);
        assert(Units.describe(Units.Large.wrap(v)) >= 1000);
        assert(s.describe() < 11);
        assert(l.describe() >= 1000);
        assert(Units.large(v).describe() < 1000);
    }
}
