// Assigning a bool to a uint; reported at the assigned expression.
// @expect-error 7:13 "cannot"
contract Mismatch {
    uint x;

    function set() public {
        x = true;
    }
}
