// `delete` of a struct that holds a mapping resets its other fields only, in Solidity.
// @expect-error 12:9 "'delete' of a struct that holds a mapping is not supported yet"
contract Roles {
    struct RoleData {
        mapping(address => bool) members;
        uint256 count;
    }

    mapping(uint256 => RoleData) internal roles;

    function clear(uint256 role) public {
        delete roles[role];
    }
}
