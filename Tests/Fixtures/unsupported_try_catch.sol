// Solidity's `try`/`catch` statement is outside the subset (only rules have
// `try call`); reported at `try`.
// @expect-error 12:9 "not supported yet"
interface IFeed {
    function price() external view returns (uint);
}

contract TryCatch {
    uint last;

    function read(address feed) public {
        try IFeed(feed).price() returns (uint p) {
            last = p;
        } catch {
            last = 0;
        }
    }
}
