// Found by the fuzzer (Fuzz/run.sh): arguments for a base that is not declared crashed the
// flattening; now the unknown base is reported once, where it is named.
// @expect-error 4:19 "use of undeclared identifier 'Base'"
contract Twice is Base(1) {
    uint256 internal y;
    constructor(uint256 y_) Base(y_) {
        y = y_;
    }
}
