// Contract creation with `new` is outside the subset; reported at `new`.
// @expect-error 9:9 "not supported yet"
contract Product {
    uint x;
}

contract Factory {
    function make() public {
        new Product();
    }
}
