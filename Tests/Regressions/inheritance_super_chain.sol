// A diamond: D is B, C with B and C both derived from A. solc's linearization is
// D, C, B, A, so `super.f()` in D runs C's `f`, whose `super.f()` runs B's, then A's:
// every implementation runs once, base first in the trace of writes.
// @expect assert@42 proved
// @expect assert@43 violated
// @expect-bmc assert@42 holds
// @expect-prove assert@42 proved
// @expect-bmc assert@43 violated
// @expect-prove assert@43 violated
pragma solidity ^0.8.20;

abstract contract A {
    uint256 internal trail;

    function f() public virtual {
        trail = trail * 10 + 1;
    }
}

abstract contract B is A {
    function f() public virtual override {
        super.f();
        trail = trail * 10 + 2;
    }
}

abstract contract C is A {
    function f() public virtual override {
        super.f();
        trail = trail * 10 + 3;
    }
}

contract D is B, C {
    function f() public override(B, C) {
        trail = 0;
        super.f();
    }

    function check() public {
        f();
        assert(trail == 123);
        assert(trail == 132);
    }
}
