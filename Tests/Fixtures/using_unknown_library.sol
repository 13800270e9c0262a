// `using` names what must exist: a library (not a contract), functions, a type; `global`
// only at file level.
// @expect-error 16:11 "undeclared identifier 'SafeMath'"
// @expect-error 17:11 "'Other' is not a library"
// @expect-error 18:12 "undeclared identifier 'Lib.missing'"
// @expect-error 19:5 "'global' is only allowed"
library Lib {
    function twice(uint256 x) internal pure returns (uint256) {
        return 2 * x;
    }
}

contract Other {}

contract UsesLibrary {
    using SafeMath for uint256;
    using Other for uint256;
    using {Lib.missing} for uint256;
    using Lib for uint256 global;
    uint256 x;
}
