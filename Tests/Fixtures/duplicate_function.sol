// Two functions with the same name (and signature); reported at the second
// name.
// @expect-error 11:14 "duplicate"
contract Duplicate {
    uint x;

    function set(uint v) public {
        x = v;
    }

    function set(uint v) public {
        x = v + 1;
    }
}
