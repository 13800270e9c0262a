// `delegatecall` to code outside the run (LANGUAGE.md §11.5): that code runs with this
// contract's storage, so after it every state variable and the balance may hold anything,
// and it succeeds or not with any data. A proof through it stands (a local it cannot touch);
// a counterexample that needs it is `unknown`, never `violated` (the interpreter does not run
// it); every result lists it. `(ok, data) = ...` assigns a call's result to existing
// variables, and a `pure` function may read `msg.data`, as in solc.
// @expect Forwarder.assert@24 proved
// @expect Forwarder.assert@29 unknown
contract Forwarder {
    address public owner;
    uint256 public calls;

    constructor() {
        owner = msg.sender;
    }

    function forward(address implementation, bytes calldata data) external returns (bytes memory result) {
        require(msg.sender == owner);
        uint256 before = calls;
        bool ok;
        (ok, result) = implementation.delegatecall(data);
        require(ok);
        calls = before + 1;
        assert(calls == before + 1);
    }

    function ownerIsSet(address implementation) external {
        implementation.delegatecall("");
        assert(owner != address(0));
    }

    function dataLength() external pure returns (uint256) {
        return msg.data.length;
    }
}
