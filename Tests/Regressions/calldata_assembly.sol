// OpenZeppelin's Calldata.emptyBytes(): inline assembly sets the `.offset` and `.length` of a
// call data `bytes` it returns. The block is abstracted, so the returned bytes are any bytes:
// what holds for every value holds (proved), what needs the real value is `unknown` (the
// interpreter does not run assembly).
// @expect Relay.assert@25 proved
// @expect Relay.assert@26 unknown // why: the block is abstracted, so the length may be any
pragma solidity ^0.8.20;

library Calldata {
    function emptyBytes() internal pure returns (bytes calldata result) {
        assembly ("memory-safe") {
            result.offset := 0
            result.length := 0
        }
    }
}

contract Relay {
    uint256 public relayed;

    function relay(bytes calldata data) external {
        bytes calldata payload = data.length > 3 ? data : Calldata.emptyBytes();
        relayed += 1;
        uint256 n = payload.length;
        assert(n <= n + 0);
        assert(n == 0 || n > 3);
    }
}
