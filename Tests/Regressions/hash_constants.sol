// Hashes of constants, as solc computes them (Ethereum's Keccak-256): role ids, a selector,
// an ERC-165 interface id (the XOR of the interface's own selectors, inherited ones left out).
// @expect assert@35 proved
// @expect assert@36 proved
// @expect assert@37 proved
// @expect assert@38 proved
// @expect assert@39 violated
pragma solidity ^0.8.20;

interface IERC165 {
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}

interface IToken is IERC165 {
    function transfer(address to, uint256 value) external returns (bool);

    function balanceOf(address account) external view returns (uint256);
}

contract Roles {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant EMPTY = keccak256("");
    mapping(bytes32 => mapping(address => bool)) internal hasRole;

    constructor() {
        hasRole[MINTER_ROLE][msg.sender] = true;
    }

    function grant(bytes32 role, address who) external {
        require(hasRole[MINTER_ROLE][msg.sender]);
        hasRole[role][who] = true;
    }

    function check(bytes32 role) external view {
        assert(EMPTY == 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470);
        assert(IToken.transfer.selector == 0xa9059cbb);
        assert(type(IERC165).interfaceId == 0x01ffc9a7);
        assert(type(IToken).interfaceId == (IToken.transfer.selector ^ IToken.balanceOf.selector));
        assert(role != MINTER_ROLE || hasRole[role][msg.sender]);
    }
}
