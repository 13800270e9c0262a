// Imports through Forge's automatic remapping (present/ → lib/present/src/), through
// remappings.txt to a folder that does not exist, and through nothing at all.
// @expect-error 8:8 "lib/gone/src/ does not exist"
// @expect-error 9:8 "no remapping maps it"
pragma solidity ^0.8.20;

import {Base} from "present/Base.sol";
import "gone/Thing.sol";
import "unmapped/Thing.sol";

contract Uses is Base {
    function f() public {
        x = 1;
    }
}
