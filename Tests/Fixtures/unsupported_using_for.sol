// `using ... for` is outside the subset; reported at `using` (the library
// name is not looked up).
// @expect-error 5:5 "not supported yet"
contract UsesLibrary {
    using SafeMath for uint;
    uint x;
}
