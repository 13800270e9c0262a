// The other half of the import cycle (see import_cycle_a.sol).
// @expect assert@15 violated
pragma solidity ^0.8.20;

import {CycleA} from "./import_cycle_a.sol";

enum Mode {
    Unset,
    Off,
    On
}

contract CycleB {
    function check(Mode m) public pure {
        assert(m != Mode.Unset);
    }
}
