// SPDX-License-Identifier: MIT
// Interfaces imported by coverage_payments.vigil through a relative import
// (`import "./shared_interfaces.sol";`). An interface may declare functions,
// events, errors, structs and enums (§3); this file uses each kind once.
// Besides the interfaces it holds one tiny contract, so that the file carries an
// expectation of its own like every example.
//
// @expect assert@36 proved
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

/// A receipt book: the count of receipts only grows.
contract CoverageReceiptBook {
    uint public count;

    function record() public {
        count += 1;
        assert(count > 0);
    }
}
