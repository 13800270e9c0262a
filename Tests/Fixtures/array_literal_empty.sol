// An array literal has at least one element.
// @expect-error 5:32 "expected an element of the array literal"
contract Empty {
    function g() external pure {
        uint256[1] memory e = [];
        e;
    }
}
