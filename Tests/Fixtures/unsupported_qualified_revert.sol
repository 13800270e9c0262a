// @expect-error 5:30 "errors of other contracts or libraries ('revert L.Err()') are not supported yet"
contract C {
    uint x;
    function g() public {
        if (x == 1) { revert L.Err(); }
        x = 1;
    }
}
