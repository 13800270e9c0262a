// OpenZeppelin 5's ReentrancyGuard keeps its lock at a constant slot through StorageSlot
// (`_reentrancyGuardStorageSlot().getUint256Slot().value`, the slot returned by a virtual
// function): the lock is a state variable of its own, so the guarded vault's assert is proved,
// and the same vault without the guard is violated by a re-entrant withdrawal.
// @expect GuardedVault.assert@37 proved
// @expect OpenVault.assert@51 violated
pragma solidity ^0.8.20;
library StorageSlot {
    struct Uint256Slot { uint256 value; }
    function getUint256Slot(bytes32 slot) internal pure returns (Uint256Slot storage r) {
        assembly ("memory-safe") { r.slot := slot }
    }
}
abstract contract ReentrancyGuard {
    using StorageSlot for bytes32;
    bytes32 private constant REENTRANCY_GUARD_STORAGE = 0x9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00;
    uint256 private constant NOT_ENTERED = 1;
    uint256 private constant ENTERED = 2;
    error ReentrancyGuardReentrantCall();
    constructor() { _reentrancyGuardStorageSlot().getUint256Slot().value = NOT_ENTERED; }
    modifier nonReentrant() {
        if (_reentrancyGuardStorageSlot().getUint256Slot().value == ENTERED) revert ReentrancyGuardReentrantCall();
        _reentrancyGuardStorageSlot().getUint256Slot().value = ENTERED;
        _;
        _reentrancyGuardStorageSlot().getUint256Slot().value = NOT_ENTERED;
    }
    function _reentrancyGuardStorageSlot() internal pure virtual returns (bytes32) { return REENTRANCY_GUARD_STORAGE; }
}
contract GuardedVault is ReentrancyGuard {
    mapping(address => uint256) balances;
    uint256 total;
    function deposit() external payable nonReentrant { balances[msg.sender] += msg.value; total += msg.value; }
    function withdraw() external nonReentrant {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        assert(balances[msg.sender] == amount);
        balances[msg.sender] = 0;
        total -= amount;
    }
}

contract OpenVault {
    mapping(address => uint256) balances;
    uint256 total;
    function deposit() external payable { balances[msg.sender] += msg.value; total += msg.value; }
    function withdraw() external {
        uint256 amount = balances[msg.sender];
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
        assert(balances[msg.sender] == amount);
        balances[msg.sender] = 0;
        total -= amount;
    }
}
