// `staticcall`: any success and any returned bytes, and no handover (nothing it runs can
// change this contract); the trace shows whether it succeeded.
// @expect Probe.assert@16 proved
// @expect Probe.assert@18 violated
contract Probe {
    uint256 public total;
    uint256 public failures;

    function deposit() external payable {
        total += msg.value;
    }

    function probe(address target, bytes calldata data) external {
        uint256 before = total;
        (bool ok, ) = target.staticcall(data);
        assert(total == before);
        if (!ok) failures += 1;
        assert(failures < 2);
    }
}
