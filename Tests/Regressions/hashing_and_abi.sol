// Hashing computed values, ABI encoding and decoding, ecrecover and concatenation: the engines
// take their results as any value (each result lists them: "abstracted: hashing at ..."); an
// encoding or concatenation has its exact length; the hash of an encoding of constants is a
// constant. The interpreter computes Keccak-256 and the encodings for real, so a trace that
// does not depend on a hash's value replays (note), and one that does is unknown (decode,
// ecrecover).
// @expect Registry.assert@26 proved
// @expect Registry.assert@30 proved
// @expect Registry.assert@31 proved
// @expect Registry.assert@32 proved
// @expect Registry.assert@37 proved
// @expect Registry.assert@44 violated
// @expect Registry.assert@49 unknown
// @expect Registry.assert@54 unknown
// @expect Registry.assert@58 proved
// @expect Registry.assert@59 proved
contract Registry {
    mapping(bytes32 => address) public owners;
    bytes32 public lastKey;
    uint256 public notes;

    function register(string calldata name, uint256 salt) external {
        bytes32 key = keccak256(abi.encodePacked(name, salt));
        require(owners[key] == address(0));
        owners[key] = msg.sender;
        assert(owners[key] == msg.sender);
    }

    function encoded(uint256 a, address b, string memory s) external pure {
        assert(abi.encode(a, b).length == 64);
        assert(abi.encodePacked(a, b, s).length == 52 + bytes(s).length);
        assert(abi.encodeWithSelector(bytes4(0x12345678), a).length == 36);
    }

    function joined(string memory a) external pure returns (string memory) {
        string memory s = string.concat("v:", a);
        assert(bytes(s).length == bytes(a).length + 2);
        return s;
    }

    function note(string calldata text) external {
        lastKey = keccak256(bytes(text));
        notes += 1;
        assert(notes < 2);
    }

    function decoded(bytes calldata data) external pure returns (uint256) {
        (uint256 x, address y) = abi.decode(data, (uint256, address));
        assert(x != 3 || y != address(0));
        return x;
    }

    function recovered(bytes32 h, uint8 v, bytes32 r, bytes32 s) external pure {
        assert(ecrecover(h, v, r, s) != address(0));
    }

    function knownKey() external pure {
        assert(bytes4(keccak256(abi.encodePacked("transfer(address,uint256)"))) == 0xa9059cbb);
        assert(keccak256(abi.encode(uint256(0))) == 0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563);
    }
}
