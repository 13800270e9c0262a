// A `string` argument the engines leave opaque but the code hashes: the replay gives each such
// argument its own contents ("a", "b", ...) and computes the hash for real, so the second
// registration is a replayed counterexample (was `unknown`: "the contents of msg.data ... are
// not replayed").
// @expect Registry.assert@16 violated
contract Registry {
    mapping(bytes32 => address) public ownerOf;
    uint256 public names;

    function register(string calldata name) external {
        bytes32 key = keccak256(bytes(name));
        require(ownerOf[key] == address(0));
        ownerOf[key] = msg.sender;
        names += 1;
        // The property: at most one name. Two different names break it.
        assert(names < 2);
    }
}
