// `catch Error(string memory reason)` and `catch Panic(uint code)` (OpenZeppelin's
// `ERC721Utils.checkOnERC721Received` and `Governor`'s relay shape): a failed call runs the
// clause that matches its data: an `Error(string)` the `Error` clause, a `Panic(uint)` the
// `Panic` clause, other data the clause that catches every failure, and without one the
// failure reverts. The callee chooses the data; each violation is replayed with it (the trace
// shows "reverted with Panic(0x11)"), and a clause that cannot run is proved unreachable.
// @expect Relay.assert@35 violated
// @expect Relay.assert@39 violated
// @expect Relay.assert@43 violated
// @expect Relay.assert@46 proved
// @expect Relay.assert@56 proved
// @expect Relay.assert@58 violated
// @expect Relay.assert@65 proved
// @expect Relay.assert@75 violated
// @expect Relay.assert@77 violated
interface ITarget {
    function run(uint256 x) external returns (uint256);
    function peek() external view returns (uint256);
    function fund(uint256 x) external payable returns (uint256);
}

contract Leaf {}

contract Relay {
    ITarget public target;
    uint256 public errors;
    uint256 public panics;
    uint256 public others;

    function relay(uint256 x) external {
        uint256 clause;
        try target.run(x) returns (uint256) {
            clause = 1;
        } catch Error(string memory reason) {
            assert(bytes(reason).length > 0 || errors > 0);
            errors += 1;
            clause = 2;
        } catch Panic(uint256 code) {
            assert(code != 0x11);
            panics += 1;
            clause = 3;
        } catch {
            assert(others == 0);
            clause = 4;
        }
        assert(clause >= 1 && clause <= 4);
    }

    // Without a clause for other data, such a failure reverts: the assert after it
    // runs only when the call succeeded or failed with an `Error(string)`.
    function strict(uint256 x) external returns (uint256 seen) {
        try target.run(x) returns (uint256 r) {
            seen = r % 2;
        } catch Error(string memory) {
            seen = 7;
            assert(seen == 7);
        }
        assert(seen < 2);
    }

    // A failure for want of ether has no data: only the clause that catches every
    // failure can see it.
    function pay(uint256 x) external {
        try target.fund{value: 1}(x) returns (uint256) {} catch Panic(uint256) {
            assert(address(this).balance >= 1);
        } catch {
            others += 1;
        }
    }

    function look() external view returns (uint256 r) {
        try target.peek() returns (uint256 v) {
            r = v;
        } catch Panic(uint256 code) {
            assert(code != 1);
        }
        assert(r < 5);
    }

    function make() external {
        try new Leaf() returns (Leaf) {} catch Error(string memory) {
            panics += 0;
        } catch Panic(uint256) {}
    }

    function setTarget(ITarget t) external {
        target = t;
    }
}
