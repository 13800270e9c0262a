// `string` and `bytes` variables, parameters, returns, events and constructor arguments of
// a base: values the code only stores, passes and emits. The property is about the count.
// @expect assert@32 violated
pragma solidity ^0.8.20;
abstract contract Named {
    string private _name;
    string private _symbol;
    bytes internal blob;
    event Renamed(string oldName, string newName);
    constructor(string memory name_, string memory symbol_) {
        _name = name_;
        _symbol = symbol_;
    }
    function name() public view virtual returns (string memory) {
        return _name;
    }
    function rename(string calldata newName) external {
        string memory old = _name;
        _name = newName;
        emit Renamed(old, newName);
    }
    function store(bytes calldata data) external {
        blob = data;
        delete _symbol;
    }
}
contract Token is Named("Token", "TOK") {
    uint256 public count;
    function touch() external {
        count += 1;
        bytes memory b = bytes(name());
        assert(count < 3);
    }
}
