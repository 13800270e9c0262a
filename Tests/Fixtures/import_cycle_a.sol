// An import cycle: import_cycle_a.sol and import_cycle_b.sol import each
// other. The cycle is reported at each import that belongs to it, in both files,
// whichever file the run starts from.
// @expect-error 5:8 "cycle"
import "./import_cycle_b.sol";

contract CycleA {
    uint x;
}
