// Array literals are typed as solc types them: the type of the first element every element
// converts to, a constant taking its smallest type (`[1, 2, 3]` is a `uint8[3]`, which a
// `uint256[3]` does not take); a fixed-size array is no dynamic one. Elements of structs or
// arrays are not supported yet.
// @expect-error 12:31 "cannot use 'uint8[3]' as initial value of type 'uint256[3]'"
// @expect-error 13:31 "no type that every element of the array literal converts to (they are 'literal 1', 'bool')"
// @expect-error 15:26 "an array literal of 'struct LitErrors.P' values is not supported yet"
// @expect-error 16:30 "cannot use 'uint256[1]' as initial value of type 'uint256[]'"
contract LitErrors {
    struct P { uint256 x; }
    function f(bool b) external pure {
        uint256[3] memory a = [1, 2, 3];
        uint256[2] memory c = [1, b];
        P memory p;
        P[1] memory ps = [p];
        uint256[] memory d = [uint256(1)];
        a; c; ps; d;
    }
}
