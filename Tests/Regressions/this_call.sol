// `this.f(...)` (LANGUAGE.md §11.5): the contract's own function, called externally: its code
// runs with `msg.sender == this` and no value; control never leaves the contract (no
// handover), and a revert in it reverts the caller. So a function only the contract itself
// may call is reached through `this` (violated, replayed), what the callee sees as its
// sender is proved, and an assert after a call that always reverts is never reached.
// @expect Batch.assert@20 violated
// @expect Batch.assert@29 proved
// @expect Batch.assert@39 vacuous
contract Batch {
    uint256 public total;
    address public lastSender;

    function onlySelf(uint256 v) public {
        require(msg.sender == address(this));
        total += v;
    }

    function addTwice(uint256 v) external {
        this.onlySelf(v);
        assert(total < 2 * v || v == 0);
    }

    function record() public {
        lastSender = msg.sender;
    }

    function recordThroughThis() external {
        this.record();
        assert(lastSender == address(this));
    }

    function failing() public pure {
        revert();
    }

    function callsFailing() external {
        total = 1;
        this.failing();
        assert(false);
    }
}
