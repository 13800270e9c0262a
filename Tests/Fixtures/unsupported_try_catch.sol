// `try` on a view function is outside the subset (its failure would need a model of view
// calls that revert); reported at the call.
// @expect-error 12:13 "'try' on a call of a view function is not supported yet"
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
