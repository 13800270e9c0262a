// `selfdestruct` is outside the subset; reported at `selfdestruct`.
// @expect-error 5:9 "not supported yet"
contract Destructible {
    function kill() public {
        selfdestruct(payable(msg.sender));
    }
}
