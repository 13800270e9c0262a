// `a.code.length`: any size for another address, the same throughout a run; this contract's
// code is empty while its constructor runs and not after. Traces show each read.
// @expect Accounts.assert@14 proved
// @expect Accounts.assert@18 proved
// @expect Accounts.assert@19 proved
// @expect Accounts.assert@23 violated
// @expect Accounts.assert@28 proved
contract Accounts {
    bool public builtWithCode;
    address public last;

    constructor() {
        builtWithCode = address(this).code.length > 0;
        assert(address(this).code.length == 0);
    }

    function sameSize(address a) external view {
        assert(a.code.length == a.code.length);
        assert(address(this).code.length > 0);
    }

    function contractsOnly(address a) external {
        assert(a.code.length != 7);
        last = a;
    }

    function noCodeAtDeployment() external view {
        assert(!builtWithCode);
    }
}
