// `spec Pausable` (inheritance_spec.spec) is written against the abstract base and judged
// on each deployable contract derived from it. Guarded keeps the pause; Leaky's override
// of the virtual `_move` forgets to check it.
// @expect Guarded.pausedFreezes proved
// @expect Leaky.pausedFreezes violated
// @expect-bmc Guarded.pausedFreezes holds
// @expect-prove Guarded.pausedFreezes proved
// @expect-bmc Leaky.pausedFreezes violated
// @expect-prove Leaky.pausedFreezes violated
pragma solidity ^0.8.20;

abstract contract Pausable {
    bool internal paused;
    uint256 internal moved;
    address internal immutable admin;

    constructor() {
        admin = msg.sender;
    }

    function pause() external {
        require(msg.sender == admin);
        paused = true;
    }

    function move(uint256 amount) external {
        _move(amount);
    }

    function _move(uint256 amount) internal virtual {
        require(!paused);
        moved += amount;
    }
}

contract Guarded is Pausable {}

contract Leaky is Pausable {
    function _move(uint256 amount) internal override {
        moved += amount;
    }
}
