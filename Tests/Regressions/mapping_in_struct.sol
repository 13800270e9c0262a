// A mapping inside a struct, in a mapping of structs, as OpenZeppelin's AccessControl keeps its
// roles: each role's members and its admin role, also through a `storage` local.
// @expect assert@27 proved
// @expect assert@41 violated
// @expect-bmc assert@27 holds
// @expect-bmc assert@41 violated
pragma solidity ^0.8.20;

contract Roles {
    struct RoleData {
        mapping(address => bool) hasRole;
        bytes32 adminRole;
    }

    bytes32 public constant ADMIN = 0x00;
    bytes32 public constant MINTER = keccak256("MINTER");
    mapping(bytes32 => RoleData) private roles;

    constructor() {
        roles[ADMIN].hasRole[msg.sender] = true;
    }

    function grant(bytes32 role, address account) external {
        require(roles[roles[role].adminRole].hasRole[msg.sender]);
        RoleData storage data = roles[role];
        data.hasRole[account] = true;
        assert(roles[role].hasRole[account]);
    }

    function setAdmin(bytes32 role, bytes32 admin) external {
        require(roles[ADMIN].hasRole[msg.sender]);
        roles[role].adminRole = admin;
    }

    function renounce(bytes32 role) external {
        roles[role].hasRole[msg.sender] = false;
    }

    function check(address account) external view {
        // An admin can give MINTER another admin role.
        assert(roles[MINTER].adminRole == ADMIN || account == address(0));
    }
}
