// A property declared inside a .sol contract: .sol files hold plain Solidity;
// properties go in a .spec file (or the file becomes .vigil).
// @expect-error 7:5 "move it into a .spec file"
contract Counter {
    uint count;

    invariant small: count < 10;

    function inc() public {
        count += 1;
    }
}
