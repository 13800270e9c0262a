// A statement without its ';'. The error is reported at the token after the
// place where ';' was expected (the start of the next statement).
// @expect-error 9:9 "expected ';'"
contract MissingSemicolon {
    uint x;

    function set() public {
        x = 1
        x = 2;
    }
}
