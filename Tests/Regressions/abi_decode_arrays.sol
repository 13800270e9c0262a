// `T[]` in `abi.decode`'s types (OpenZeppelin's `BridgeMultiToken`: `abi.decode(payload,
// (bytes, uint256[], uint256[]))`): the decoded values are any values of those types, an
// abstraction each result lists; what the code checks of them holds, what it does not is
// `unknown` (the replay cannot give decoded data).
// @expect Receiver.assert@18 proved
// @expect Receiver.assert@19 unknown // why: the decoded arrays are any values; the replay cannot give them
// @expect Receiver.panic@19:43 proved
contract Receiver {
    struct Item {
        uint256 id;
    }

    function accept(bytes calldata payload) external pure returns (uint256) {
        (bytes memory from, uint256[] memory ids, uint256[] memory values, Item[] memory items) =
            abi.decode(payload, (bytes, uint256[], uint256[], Item[]));
        require(ids.length == values.length);
        from;
        assert(ids.length == values.length);
        assert(items.length == 0 || items[0].id < 10);
        return ids.length;
    }
}
