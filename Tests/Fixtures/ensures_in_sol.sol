// An inline `ensures` in a .sol file: properties belong in a .spec file.
// @expect-error 7:9 "move it into a .spec file"
contract Counter2 {
    uint count;

    function inc() public
        ensures count == old(count) + 1
    {
        count += 1;
    }
}
