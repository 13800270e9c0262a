// A base constructor's arguments: missing, given twice, or of the wrong number.
// @expect-error 12:10 "no arguments for the constructor of 'Base'"
// @expect-error 16:29 "given twice"
// @expect-error 21:24 "'Base' takes 1 argument but 2 given"
contract Base {
    uint256 internal x;
    constructor(uint256 x_) {
        x = x_;
    }
}

contract NoArguments is Base {}

contract Twice is Base(1) {
    uint256 internal y;
    constructor(uint256 y_) Base(y_) {
        y = y_;
    }
}

contract WrongCount is Base(1, 2) {}
