// Several values where a different number is needed, and a gap outside an assignment.
// @expect-error 9:16 "2 values where return value needs 3"
// @expect-error 14:34 "cannot declare 2 variables from '(uint256, uint256, uint256)'"
// @expect-error 19:13 "can only be left out on the left of '='"
contract Tuples {
    uint256 internal x;

    function three() internal pure returns (uint256, uint256, uint256) {
        return (1, 2);
    }

    function two() internal pure returns (uint256, uint256) {
        (uint256 a, uint256 b, uint256 c) = three();
        (uint256 d, uint256 e) = three();
        return (a + b + c + d + e, 0);
    }

    function gap() public {
        x = (1, ).length;
    }
}
