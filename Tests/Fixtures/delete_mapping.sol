// `delete` of a whole mapping does nothing in Solidity, so it is an error;
// reported at `delete`.
// @expect-error 8:9 "mapping"
contract DeleteMapping {
    mapping(address => uint) balances;

    function reset() public {
        delete balances;
    }
}
