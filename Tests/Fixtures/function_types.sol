// Internal function types are supported; external ones are not yet, and a function value
// must have its type's parameters and return values.
// @expect-error 7:5 "an external function type is not supported yet"
// @expect-error 20:17 "cannot use 'function (uint256, uint256) returns (uint256)' as the assigned value"
// @expect-error 21:21 "'the function value' takes 1 argument but 2 given"
contract Functions {
    function(uint256) external returns (uint256) remote;
    function(uint256) pure returns (uint256) local;

    function twice(uint256 x) internal pure returns (uint256) {
        return 2 * x;
    }

    function both(uint256 x, uint256 y) internal pure returns (uint256) {
        return x + y;
    }

    function set() external {
        local = twice;
        local = both;
        uint256 r = local(1, 2);
    }
}
