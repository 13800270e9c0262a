// The contract's closing brace is missing: the error is reported at the end of
// the file (line after the last line, column 1).
// @expect-error 10:1 "'}'"
contract Unclosed {
    uint x;

    function set() public {
        x = 1;
    }
