// @expect-error 5:17 "modifiers without a body ('virtual' ones of abstract contracts) are not supported yet"
contract C {
    uint x;
    modifier m() { }
    modifier n();
    function g() public { x = 1; }
}
