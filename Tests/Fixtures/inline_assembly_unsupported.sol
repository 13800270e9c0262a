pragma solidity ^0.8.20;
contract C {
    uint256 x;
    function f(uint256 a) public returns (uint256 r) {
        assembly {
            r := frobnicate(a)
            x := 1
            return(0, 32)
            r.slot := 0
            let q := missing
        }
    }
}
// @expect-error 6:18 "no Yul builtin or function named 'frobnicate'"
// @expect-error 7:13 "inline assembly assigns its own variables and Solidity locals only: 'x' is a state variable"
// @expect-error 9:13 "assigning 'r.slot' in inline assembly (a storage pointer) is not supported yet"
// @expect-error 10:22 "use of undeclared identifier 'missing'"
