// `bytes1` ... `bytes32`: hex and string literals, conversions between sizes (bytes keep
// their places), to and from integers of the same size, comparisons, bitwise operators,
// mapping keys (role ids), and traces that print them in hex.
// @expect assert@29 proved
// @expect assert@30 proved
// @expect assert@31 proved
// @expect assert@32 violated
// @expect assert@33 violated
// @expect-bmc assert@29 holds
// @expect-bmc assert@32 violated
// @expect-prove assert@29 proved
pragma solidity ^0.8.20;
contract Roles {
    bytes32 public constant ADMIN = 0x0000000000000000000000000000000000000000000000000000000000000000;
    bytes32 public constant MINTER = "MINTER";
    bytes4 public constant SELECTOR = 0xa9059cbb;
    mapping(bytes32 => mapping(address => bool)) internal roles;
    bytes32 internal last;

    constructor() { roles[ADMIN][msg.sender] = true; }

    function grant(bytes32 role, address who) external {
        require(roles[ADMIN][msg.sender]);
        roles[role][who] = true;
        last = role;
    }

    function check(bytes32 x) external view {
        assert(bytes4(MINTER) == bytes4("MINT"));
        assert(uint256(bytes32(SELECTOR)) == uint256(0xa9059cbb) << 224);
        assert(bytes4(x) != SELECTOR || x != bytes32(0));
        assert(last == 0 || roles[ADMIN][msg.sender]);
        assert((x & bytes32(uint256(0xff))) != bytes32(uint256(1)));
    }
}
