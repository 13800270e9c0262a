// One closing brace too many: the stray '}' after the contract is reported.
// @expect-error 10:1 "'}'"
contract Stray {
    uint x;

    function set() public {
        x = 1;
    }
}
}
