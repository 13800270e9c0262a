// @expect-error 5:30 "undeclared identifier 'L.Err'"
contract C {
    uint x;
    function g() public {
        if (x == 1) { revert L.Err(); }
        x = 1;
    }
}
