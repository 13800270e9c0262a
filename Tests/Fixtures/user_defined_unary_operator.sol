// `~` and unary `-` as user-defined operators are "not supported yet", reported at the alias.
// @expect-error 4:21 "'~' and unary '-' as user-defined operators are not supported yet"
type Amount is uint128;
using {invertAmount as ~} for Amount global;

function invertAmount(Amount a) pure returns (Amount) {
    return Amount.wrap(~Amount.unwrap(a));
}
