// Inheritance is outside the subset; reported at `is`.
// @expect-error 7:16 "not supported yet"
contract Base {
    uint x;
}

contract Child is Base {
    uint y;
}
