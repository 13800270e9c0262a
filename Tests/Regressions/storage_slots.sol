// Storage at a constant slot: OpenZeppelin's StorageSlot (`getAddressSlot(SLOT).value`, also
// bound with `using ... for bytes32` and at a slot computed from a hash of a constant) and an
// ERC-7201 namespace (`$.slot := LOCATION`). Each slot is a state variable of its own, which
// both engines and the interpreter read and write; the trace names it by its slot.
// @expect Proxy.assert@36 proved
// @expect Proxy.assert@37 proved
// @expect Proxy.assert@43 violated
pragma solidity ^0.8.20;
library StorageSlot {
    struct AddressSlot { address value; }
    struct Uint256Slot { uint256 value; }
    function getAddressSlot(bytes32 slot) internal pure returns (AddressSlot storage r) {
        assembly ("memory-safe") { r.slot := slot }
    }
    function getUint256Slot(bytes32 slot) internal pure returns (Uint256Slot storage r) {
        assembly ("memory-safe") { r.slot := slot }
    }
}
contract Proxy {
    using StorageSlot for bytes32;
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    bytes32 private constant COUNTER = bytes32(uint256(keccak256("counter")) - 1);
    struct OwnableStorage { address owner; uint256 changes; }
    bytes32 private constant OwnableStorageLocation = 0x9016d09d72d40fdae2fd8ceac6b6234c7706214fd39c1cd1e609a0528c199300;
    function _getOwnableStorage() private pure returns (OwnableStorage storage $) {
        assembly { $.slot := OwnableStorageLocation }
    }
    uint256 public declared;
    constructor() { _getOwnableStorage().owner = msg.sender; }
    function upgrade(address impl) external {
        OwnableStorage storage $ = _getOwnableStorage();
        require(msg.sender == $.owner);
        StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value = impl;
        $.changes += 1;
        COUNTER.getUint256Slot().value += 1;
        assert(COUNTER.getUint256Slot().value == $.changes);
        assert(declared == 0);
    }
    function implementation() external view returns (address) {
        return StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value;
    }
    function owner() external view returns (address) { return _getOwnableStorage().owner; }
    function badAssert() external view { assert(StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value == address(0)); }
}
