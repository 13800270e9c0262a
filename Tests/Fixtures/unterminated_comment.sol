// A block comment that never ends (after a complete contract, so it is the
// only error); reported at `/*`.
// @expect-error 7:1 "unterminated"
contract Fine {
    uint x;
}
/* this comment never ends
