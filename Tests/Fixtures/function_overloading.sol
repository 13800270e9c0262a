// Two functions of one name with other parameters: overloading, said as such.
// @expect-error 8:14 "function overloading (a second function named 'add') is not supported yet"
contract Overloads {
    uint256 internal x;
    function add(uint256 a) public {
        x += a;
    }
    function add(uint256 a, uint256 b) public {
        x += a + b;
    }
}
