// Overloads are told apart by their number of arguments, then by the arguments' types; a call
// that no overload takes, or that several take (`1` fits uint256 and uint8), is said so.
// @expect-error 17:9 "no overload takes that many"
// @expect-error 18:9 "by argument type"
contract Overloads {
    uint256 internal x;
    function add(uint256 a) internal {
        x += a;
    }
    function add(uint256 a, uint256 b) internal {
        x += a + b;
    }
    function add(uint8 a) internal {
        x += a;
    }
    function f() public {
        add(1, 2, 3);
        add(1);
    }
}
