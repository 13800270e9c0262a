// `storage` locals OpenZeppelin uses: a namespace whose slot an overridable function returns
// (`Initializable`: `bytes32 slot = _initializableStorageSlot(); assembly { $.slot := slot }`),
// and a mapping in state (`ERC721Enumerable`: `mapping(...) storage owned = _ownedTokens[from]`).
// The namespace is a state variable of its own at the constant slot the override returns; the
// mapping local writes the mapping it names. `initialize` marks the namespace done (proved); a
// token recorded through the local is read back (proved); `forget` drops one (violated,
// replayed).
// @expect Registry.assert@47 proved
// @expect Registry.assert@53 proved
// @expect Registry.assert@60 violated
abstract contract Once {
    struct OnceStorage {
        bool done;
    }

    bytes32 private constant ONCE_STORAGE = 0x5ee9a5bd7d1b3fa7e3fa5e4bab1d38c5e9d4b2d8a9f2e8a5a2e3b0f0c1d2e300;

    function _onceSlot() internal pure virtual returns (bytes32) {
        return ONCE_STORAGE;
    }

    function _getOnceStorage() private pure returns (OnceStorage storage $) {
        bytes32 slot = _onceSlot();
        assembly {
            $.slot := slot
        }
    }

    modifier once() {
        OnceStorage storage $ = _getOnceStorage();
        require(!$.done);
        $.done = true;
        _;
    }

    function _isDone() internal view returns (bool) {
        return _getOnceStorage().done;
    }
}

contract Registry is Once {
    uint256 public value;
    mapping(address => mapping(uint256 => uint256)) private owned;

    function initialize(uint256 v) external once {
        value = v;
        assert(_isDone());
    }

    function record(uint256 index, uint256 token) external {
        mapping(uint256 => uint256) storage mine = owned[msg.sender];
        mine[index] = token;
        assert(owned[msg.sender][index] == token);
    }

    function forget(uint256 index) external {
        mapping(uint256 => uint256) storage mine = owned[msg.sender];
        uint256 before = mine[index];
        delete mine[index];
        assert(owned[msg.sender][index] == before);
    }
}
