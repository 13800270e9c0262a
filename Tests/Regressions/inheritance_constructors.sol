// Constructors run base first, in linearization order, each with the arguments given in
// `is Base(...)` or in a derived constructor's header; a base's arguments may use the
// parameters of the constructor that gives them (Middle passes `m + 1` to Root). The
// asserts in the constructor are deployment properties.
// @expect assert@48 proved
// @expect assert@49 proved
// @expect assert@53 proved
// @expect assert@54 violated
// @expect-bmc assert@48 holds
// @expect-prove assert@48 proved
// @expect-bmc assert@49 holds
// @expect-prove assert@49 proved
// @expect-bmc assert@53 holds
// @expect-prove assert@53 proved
// @expect-bmc assert@54 violated
// @expect-prove assert@54 violated
pragma solidity ^0.8.20;

abstract contract Root {
    uint256 internal trail;
    uint256 internal rootValue;

    constructor(uint256 r) {
        rootValue = r;
        trail = trail * 10 + 1;
    }
}

abstract contract Middle is Root {
    uint256 internal middleValue;

    constructor(uint256 m) Root(m + 1) {
        middleValue = m;
        trail = trail * 10 + 2;
    }
}

abstract contract Side {
    uint256 internal sideValue = 7;
}

contract Leaf is Side, Middle(10) {
    address public immutable deployer;

    constructor() {
        deployer = msg.sender;
        trail = trail * 10 + 3;
        assert(trail == 123);
        assert(rootValue == 11 && middleValue == 10 && sideValue == 7);
    }

    function check() public view {
        assert(deployer != address(0) || rootValue == 11);
        assert(rootValue == 10);
    }
}
