// Hashing a computed value is outside the subset (a constant string is folded); reported at
// the call.
// @expect-error 7:16 "hashing ('keccak256') of a value that is not a constant string is not supported yet"
contract Hashing {
    bytes32 internal last;
    function hash(string memory text) public {
        last = keccak256(bytes(text));
    }
}
