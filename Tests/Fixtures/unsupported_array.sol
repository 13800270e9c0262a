// Array types are outside the subset; reported at the start of the type.
// @expect-error 4:5 "not supported yet"
contract Arrays {
    uint[] values;
}
