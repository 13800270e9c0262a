// Built-in checks: without a single written property, Vigil judges each division or modulo by
// a value that may be zero (panic@LINE:COL, at the divisor). `price` is safe in every committed
// state, but `redeem` burns the shares before it pays out: from the callback, `price` divides
// by zero. Only re-entry reaches that panic.
// @expect panic@33:37 violated
// @expect panic@39:37 proved
// @expect panic@43:25 proved
contract RedeemPool {
    mapping(address => uint) shares;
    uint totalShares;
    uint totalAssets;
    uint fee = 100;

    function deposit() public payable {
        require(msg.value > 0);
        shares[msg.sender] += msg.value;
        totalShares += msg.value;
        totalAssets += msg.value;
    }

    function redeem() public {
        uint s = shares[msg.sender];
        shares[msg.sender] = 0;
        totalShares -= s;
        (bool ok, ) = msg.sender.call{value: s}("");
        require(ok);
        totalAssets -= s;
    }

    /// Assets per share, scaled by 1000: 1000 when the pool is empty.
    function price() public view returns (uint) {
        if (totalAssets == 0) return 1000;
        return totalAssets * 1000 / totalShares;
    }

    /// The same, guarded by the divisor itself: safe even during a handover.
    function safePrice() public view returns (uint) {
        if (totalShares == 0) return 1000;
        return totalAssets * 1000 / totalShares;
    }

    function feeOf(uint amount) public view returns (uint) {
        return amount % fee;
    }
}
