// Use of a name that is declared nowhere; reported at the name.
// @expect-error 7:13 "undeclared"
contract Undeclared {
    uint x;

    function set() public {
        x = y + 1;
    }
}
