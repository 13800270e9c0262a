// Call options: ether only to a payable interface function, options only on `.call` and on
// interface calls, and no option but `value` and `gas`.
// @expect-error 23:15 "'ping' is not payable: a call of it cannot send ether"
// @expect-error 24:9 "call options other than on '.call' or on a call of an interface function is not supported yet"
// @expect-error 25:30 "the call option 'salt' is not supported yet"
interface IVault {
    function ping() external;

    function deposit() external payable;
}

library Fees {
    function pay() internal pure returns (uint256) {
        return 1;
    }
}

contract Caller {
    IVault vault;

    function run(address a) external {
        vault.deposit{value: 1, gas: 5000}();
        vault.ping{value: 1}();
        Fees.pay{value: 1}();
        (bool ok, ) = a.call{salt: bytes32(0)}("");
        require(ok);
    }
}
