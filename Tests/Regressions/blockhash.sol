// `blockhash(n)` (OpenZeppelin's `Blockhash`): the chain's history is outside the run, so the
// engines take any `bytes32`, an abstraction each result lists, and it reads the environment
// (a `view` function). A proof through it stands; a counterexample that needs a particular
// hash is `unknown` (the replay does not choose block hashes).
// @expect Draw.assert@10 proved
// @expect Draw.assert@15 unknown // why: it fails only for a block hash of zero, which the replay cannot give
contract Draw {
    function coin() external view returns (uint256 side) {
        side = uint256(blockhash(block.number - 1)) & 1;
        assert(side < 2);
    }

    function seeded() external view returns (bytes32 h) {
        h = blockhash(block.number - 1);
        assert(h != bytes32(0));
    }
}
