// SPDX-License-Identifier: MIT
// Interfaces imported by coverage_payments.vigil through a relative import
// (`import "./shared_interfaces.sol";`). An interface may declare functions,
// events, errors, structs and enums (§3); this file uses each kind once.
// It holds no contract, so there is nothing to check in it on its own: it has
// no expectations.
pragma solidity ^0.8.20;

interface ICoveragePriceFeed {
    enum Status { Live, Stale }

    function latestPrice() external view returns (uint);
    function status() external view returns (Status);
}

interface ICoveragePayee {
    struct Receipt {
        address payer;
        uint amount;
    }

    event Notified(address payer, uint amount);
    error Refused(address payer);

    function onPayment(address payer, uint amount) external returns (bool);
}
