// An import cycle, as solc accepts it: import_cycle_a.sol and import_cycle_b.sol import
// each other and use each other's declarations; each file is read once. Checking this
// file checks CycleA only (CycleB is imported, so read).
// @expect assert@14 proved
pragma solidity ^0.8.20;

import {CycleB, Mode} from "./import_cycle_b.sol";

contract CycleA {
    Mode internal mode;

    function set(bool on) public {
        mode = on ? Mode.On : Mode.Off;
        assert(mode != Mode.Unset);
    }
}
