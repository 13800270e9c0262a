// An abstract base that itself has a base is flattened too; its copy and the derived
// contract's copy of the same code must not share node ids (they did in development and
// gave a false `proved`: the mint below can exceed the cap). Two deployable contracts
// derive from the same base and are judged apart.
// @expect Capped.assert@54 violated
// @expect Guarded.assert@64 proved
// @expect-bmc Capped.assert@54 violated
// @expect-bmc Guarded.assert@64 holds
pragma solidity ^0.8.20;

interface IToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function totalSupply() external view returns (uint256);
}

abstract contract Token is IToken {
    mapping(address => uint256) internal balances;
    uint256 internal supply;

    function totalSupply() external view returns (uint256) {
        return supply;
    }

    function _update(address from, address to, uint256 amount) internal virtual {
        if (from == address(0)) {
            supply += amount;
        } else {
            require(balances[from] >= amount, "balance");
            balances[from] -= amount;
        }
        if (to == address(0)) {
            supply -= amount;
        } else {
            balances[to] += amount;
        }
        emit Transfer(from, to, amount);
    }
}

contract Capped is Token {
    uint256 public immutable cap;

    constructor(uint256 cap_) {
        cap = cap_;
    }

    function mint(address to, uint256 amount) external {
        _update(address(0), to, amount);
    }

    function _update(address from, address to, uint256 amount) internal override {
        super._update(from, to, amount);
        assert(supply <= cap);
    }
}

contract Guarded is Token {
    uint256 public constant CAP = 1000;

    function mint(address to, uint256 amount) external {
        require(supply + amount <= CAP);
        _update(address(0), to, amount);
        assert(supply <= CAP);
    }
}
