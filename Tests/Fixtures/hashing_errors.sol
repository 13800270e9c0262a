// `keccak256` hashes `bytes` (a string through `bytes(s)`), and `ecrecover` takes its four values.
// @expect-error 8:26 "cannot use 'uint256' as argument of type 'bytes'"
// @expect-error 9:9 "'ecrecover' takes 4 arguments but 3 given"
contract Hashing {
    bytes32 internal last;

    function hash(uint256 x) public {
        last = keccak256(x);
        ecrecover(last, 27, last);
    }
}
