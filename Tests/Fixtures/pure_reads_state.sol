// A `pure` function that reads state: Solidity rejects it, and so does Vigil (a pure
// function's properties are checked for every argument, in no particular state).
// @expect-error 7:14 "declared pure but reads state"
contract Reads {
    uint total;

    function f(uint x) public pure returns (uint) {
        return x + total;
    }
}
