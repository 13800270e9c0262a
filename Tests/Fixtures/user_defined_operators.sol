// A user-defined operator is accepted when its function is the underlying type's operator
// itself (Tests/Regressions/user_defined_operators.sol); another one is "not supported yet".
// @expect-error 5:22 "a user-defined operator that is not the underlying type's own '+' is not supported yet"
type Amount is uint128;
using {addSaturating as +} for Amount global;

function addSaturating(Amount a, Amount b) pure returns (Amount) {
    unchecked {
        uint128 s = Amount.unwrap(a) + Amount.unwrap(b);
        return Amount.wrap(s < Amount.unwrap(a) ? type(uint128).max : s);
    }
}

contract Uses {
    function f(Amount a) external pure returns (Amount) {
        return a + a;
    }
}
