// Hashing is outside the subset; reported at `keccak256`.
// @expect-error 5:9 "not supported yet"
contract Hashing {
    function hash() public pure {
        keccak256("vigil");
    }
}
