// The other half of the import cycle (see import_cycle_a.sol).
// @expect-error 3:8 "cycle"
import "./import_cycle_a.sol";

contract CycleB {
    uint y;
}
