// `block.chainid` is one value for the run, which a schedule records and the replay uses; the
// other environment values (`block.coinbase`, `block.prevrandao`, `block.basefee`,
// `block.gaslimit`, `tx.gasprice`, `gasleft()`) are any value, and a counterexample that
// needs one is unknown (the replay does not choose them). The unbounded engine does not yet
// carry the chain id from one transaction to the next: the first assert only holds.
// @expect Domain.assert@17 holds
// @expect Domain.assert@21 violated
// @expect Domain.assert@25 unknown
contract Domain {
    uint256 public immutable cachedChainId;

    constructor() {
        cachedChainId = block.chainid;
    }

    function same() external view {
        assert(block.chainid == cachedChainId);
    }

    function onMainnet() external view {
        assert(block.chainid != 5);
    }

    function lucky() external view {
        assert(block.prevrandao != 7 && gasleft() > 0);
    }
}
