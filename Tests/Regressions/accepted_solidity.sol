// Valid Solidity that was rejected: address ordering, constants defined from constants, a
// literal compared with a narrower operand, bodyless receive/fallback in an interface, a
// state variable named through its contract (`Accepted.small`).
// @expect assert@23 proved
// @expect assert@24 proved
// @expect assert@25 violated
// @expect assert@26 proved
interface IVault {
    receive() external payable;
    fallback() external payable;
    function deposit() external payable;
}
contract Accepted {
    uint constant BASE = 3;
    uint constant NEXT = BASE + 1;
    uint constant POWER = BASE ** 2;
    uint constant RATIO = NEXT / BASE;
    uint8 small;
    address last;

    function set(uint8 v, address a) public { Accepted.small = v; last = a; }
    function check() public view {
        assert(NEXT == 4 && POWER == 9 && RATIO == 1);
        assert(small < 300 && last >= address(0));
        assert(last <= address(0x10));
        assert(Accepted.small == small && Accepted.NEXT == 4);
    }
}
