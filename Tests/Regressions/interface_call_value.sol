// Ether sent along an interface call (`vault.depositFor{value: v}(who)`, OpenZeppelin's
// Paymaster, ProxyAdmin, GovernorTimelockControl) and a gas limit (`{gas: g}`, which changes
// nothing Vigil decides): the value leaves with the call, too little ether reverts the call, or
// fails it where a `try` catches it.
// @expect Forwarder.assert@23 violated
// @expect Forwarder.assert@29 proved
// @expect Forwarder.assert@31 violated
pragma solidity ^0.8.20;

interface IVault {
    function depositFor(address who) external payable;

    function ping() external;
}

contract Forwarder {
    IVault vault;
    uint256 public forwarded;

    function forward() external payable {
        uint256 before = address(this).balance;
        vault.depositFor{value: msg.value}(msg.sender);
        assert(address(this).balance + msg.value == before);
    }

    function sweep(uint256 amount) external {
        uint256 before = address(this).balance;
        try vault.depositFor{value: amount}(msg.sender) {
            assert(amount <= before);
        } catch {
            assert(amount <= before);
        }
        vault.ping{gas: 10000}();
    }
}
