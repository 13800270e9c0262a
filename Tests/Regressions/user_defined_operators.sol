// User-defined operators (`using {f as OP} for T global`, OpenZeppelin's `ERC7579Utils`): a
// user-defined value type's values are their underlying values to every stage, so an operator
// whose function is the underlying operator itself (`return T.unwrap(a) OP T.unwrap(b);`, or
// wrapped back into `T`) is that operator, checked arithmetic included.
// @expect Modes.assert@32 proved
// @expect Modes.assert@38 violated
pragma solidity ^0.8.20;

type CallType is bytes1;
type Amount is uint128;

using {eqCallType as ==, neCallType as !=} for CallType global;
using {addAmount as +} for Amount global;

function eqCallType(CallType a, CallType b) pure returns (bool) {
    return CallType.unwrap(a) == CallType.unwrap(b);
}

function neCallType(CallType a, CallType b) pure returns (bool) {
    return (CallType.unwrap(a) != CallType.unwrap(b));
}

function addAmount(Amount a, Amount b) pure returns (Amount) {
    return Amount.wrap(Amount.unwrap(a) + Amount.unwrap(b));
}

contract Modes {
    CallType constant SINGLE = CallType.wrap(0x00);
    CallType constant BATCH = CallType.wrap(0x01);

    function isSingle(CallType t) external pure returns (bool) {
        assert((t == SINGLE) != (t != SINGLE));
        return t == SINGLE;
    }

    function total(Amount a, Amount b) external pure returns (Amount sum) {
        sum = a + b;
        assert(Amount.unwrap(sum) < 1000);
    }
}
