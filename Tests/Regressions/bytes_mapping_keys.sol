// `string` and `bytes` mapping keys (OpenZeppelin's `EnumerableSet.BytesSet`, its crosschain
// links keyed by `bytes`): Solidity keeps each entry under the key's Keccak-256 hash. The
// interpreter hashes for real; the engines take any hash at each access, an abstraction each
// result lists. So two registrations of different names are a replayed counterexample, a fact
// that needs two accesses to agree on one key is `unknown` (the engines' run, with two hashes,
// is not the real one), and what does not depend on the keys is proved.
// @expect NameRegistry.assert@19 violated
// @expect NameRegistry.assert@25 unknown
// @expect NameRegistry.assert@32 proved
contract NameRegistry {
    mapping(string => address) public ownerOf;
    mapping(bytes => uint256) private uses;
    uint256 public names;

    function register(string calldata name) external {
        require(ownerOf[name] == address(0));
        ownerOf[name] = msg.sender;
        names += 1;
        assert(names < 2);
    }

    function claim(string memory name) external {
        require(ownerOf[name] == address(0));
        ownerOf[name] = msg.sender;
        assert(ownerOf[name] == msg.sender);
    }

    function use(bytes calldata key) external returns (uint256) {
        uint256 before = names;
        uses[key] += 1;
        delete uses[bytes("")];
        assert(names == before);
        return uses[key];
    }
}
