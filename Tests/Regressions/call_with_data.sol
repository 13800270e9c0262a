// Calls with data (OpenZeppelin's Address.functionCall, SafeERC20's low-level calls, flash-loan
// receivers): the callee is code outside the run, whatever the data; the call returns any
// bytes, which the schedule records, so a trace that reads them replays. `abi.encodeCall`
// encodes with the function's selector.
// @expect Payer.assert@27 proved
// @expect Payer.assert@28 unknown // why: the encoding's contents are abstracted, and the real ones take another path
// @expect Payer.assert@31 violated
// @expect Payer.assert@37 violated
// @expect Relay.assert@51 proved
// @expect Relay.assert@52 violated
pragma solidity ^0.8.20;

interface IERC20 {
    function transfer(address to, uint256 v) external returns (bool);
}

contract Payer {
    IERC20 token;
    uint256 public total;

    function deposit() external payable {
        total += msg.value;
    }

    function pay(address to, uint256 v) external {
        bytes memory data = abi.encodeCall(IERC20.transfer, (to, v));
        assert(data.length == 68);
        assert(bytes4(data) == IERC20.transfer.selector);
        (bool ok, bytes memory ret) = address(token).call(data);
        require(ok);
        assert(ret.length == 0 || ret.length == 32);
    }

    function flash(address target, bytes calldata data, uint256 amount) external {
        (bool ok, ) = target.call{value: amount}(data);
        require(ok);
        assert(total <= address(this).balance);
    }
}

contract Relay {
    uint256 public relayed;

    function forward(address target, bytes calldata data) internal returns (bool, bytes memory) {
        return target.call(data);
    }

    function relay(address target, bytes calldata data) external {
        (bool ok, bytes memory ret) = forward(target, data);
        if (ok) relayed += 1;
        assert(!ok || relayed > 0);
        assert(ret.length < 64);
    }
}
