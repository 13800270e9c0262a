// Function types are outside the subset; reported at `function` of the
// state variable's type.
// @expect-error 5:5 "not supported yet"
contract FunctionTypes {
    function (uint) external returns (uint) handler;
}
