// Shapes from OpenZeppelin 5 and solmate that Vigil rejected with wrong errors (session 10):
// a conditional between tuples with constants (AccessControlDefaultAdminRules, Time), an
// interface passed where its base is expected (SafeERC20's IERC1363 as IERC20), `require`
// with a custom error (Errors.InsufficientBalance), selectors of errors, events and of
// functions of a contract that is not an interface (solmate's ERC1155TokenReceiver),
// `string`/`bytes` constants and the hash of one (solmate's CREATE3), a library's user-defined
// value type, and a bound call choosing among overloads by the receiver's struct type
// (Checkpoints.latest).
// @expect Shapes.assert@98 proved
// @expect Shapes.assert@99 violated
// @expect Shapes.assert@107 proved
// @expect Shapes.assert@108 proved
// @expect Shapes.assert@109 proved
// @expect Shapes.assert@110 proved
// @expect Shapes.assert@111 proved
// @expect Shapes.assert@117 proved
// @expect Shapes.assert@121 proved
// @expect Shapes.assert@127 proved
pragma solidity ^0.8.26;

library Errors {
    error InsufficientBalance(uint256 balance, uint256 needed);
}

library Slots {
    type Slot is bytes32;

    function asSlot(bytes32 s) internal pure returns (Slot) {
        return Slot.wrap(s);
    }

    function raw(Slot s) internal pure returns (bytes32) {
        return Slot.unwrap(s);
    }
}

library Traces {
    struct Short {
        uint32 last;
    }
    struct Long {
        uint256 last;
    }

    function latest(Short storage t) internal view returns (uint32) {
        return t.last;
    }

    function latest(Long storage t) internal view returns (uint256) {
        return t.last + 1;
    }
}

interface IToken {
    function transfer(address to, uint256 v) external returns (bool);
}

interface ITokenWithCall is IToken {
    function transferAndCall(address to, uint256 v) external returns (bool);
}

interface IEvents {
    event Upgraded(address indexed implementation);
}

abstract contract Receiver {
    function onReceived(address from, uint256 id) external virtual returns (bytes4) {
        return Receiver.onReceived.selector;
    }
}

contract Shapes {
    using Slots for bytes32;
    using Slots for Slots.Slot;
    using Traces for Traces.Short;
    using Traces for Traces.Long;

    error Bad(bytes1 c);

    string public constant VERSION = "5.0.0";
    bytes internal constant CODE = hex"67363d3d37363d34f03d5260086018f3";
    bytes32 internal constant CODE_HASH = keccak256(CODE);

    uint48 pendingDelay;
    uint256 public count;
    Traces.Short shortTrace;
    Traces.Long longTrace;

    function pending(bool set) public view returns (uint48 delay, uint48 schedule) {
        return set ? (pendingDelay, 7) : (0, 0);
    }

    function withdraw(uint256 v) external {
        require(count >= v, Errors.InsufficientBalance(count, v));
        require(v != 3, Bad(0x41));
        count -= v;
        (uint48 d, uint48 s) = pending(v == 0);
        assert(v == 0 || (d == 0 && s == 0));
        assert(v != 2);
    }

    function deposit(uint256 v) external {
        count += v;
    }

    function selectors() external pure {
        assert(Bad.selector == bytes4(keccak256("Bad(bytes1)")));
        assert(Errors.InsufficientBalance.selector == bytes4(keccak256("InsufficientBalance(uint256,uint256)")));
        assert(IEvents.Upgraded.selector == keccak256("Upgraded(address)"));
        assert(Receiver.onReceived.selector == bytes4(keccak256("onReceived(address,uint256)")));
        assert(CODE_HASH == keccak256(hex"67363d3d37363d34f03d5260086018f3"));
    }

    function pay(ITokenWithCall token, address to) external {
        IToken plain = token;
        bool ok = plain.transfer(to, 1);
        assert(ok || !ok);
    }

    function slot(bytes32 k) external pure {
        assert(k.asSlot().raw() == k);
    }

    function traces() external {
        shortTrace.last = 5;
        longTrace.last = 5;
        assert(shortTrace.latest() + 1 == longTrace.latest());
    }

    function version() external pure returns (uint256) {
        return bytes(VERSION).length;
    }
}
