// A string literal that is not closed before the end of its line; reported at
// the opening quote. (The statement is completed on the next line, so a lexer
// that ends the literal at the line break reports nothing else.)
// @expect-error 7:24 "unterminated"
contract Strings {
    function f(uint x) public pure {
        require(x > 0, "oops
        );
    }
}
