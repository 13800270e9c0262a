// solc's example: `C is A, X` with `A is X` lists a base before its own base.
// @expect-error 7:10 "cannot be linearized"
contract X {}

contract A is X {}

contract C is A, X {}
