// `do { } while (c);` runs its body before the first test, and `continue` goes to the test.
// @expect assert@26 proved
// @expect assert@27 violated
// @expect-bmc assert@26 holds
// @expect-prove assert@26 proved
pragma solidity ^0.8.20;

contract DoWhile {
    function runs(uint256 limit) public pure {
        uint256 body;
        uint256 skipped;
        uint256 i;
        do {
            i++;
            if (i == 2) {
                skipped++;
                continue;
            }
            body++;
        } while (i < limit && i < 3);
        // Once at least, even when the condition is false from the start.
        uint256 once;
        do {
            once++;
        } while (false);
        assert(once == 1 && body + skipped == i && i >= 1);
        assert(body == 1);
    }
}
