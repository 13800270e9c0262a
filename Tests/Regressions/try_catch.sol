// `try` catches the failure of an external call or a creation: the body runs with what the
// call returned, or the catch-all clause runs with what the call did undone. Each assert
// below is false on exactly one of the two outcomes.
// @expect assert@27 violated
// @expect assert@29 violated
// @expect assert@32 proved
// @expect assert@38 proved
// @expect assert@40 violated
// @expect-prove assert@27 violated
// @expect-prove assert@32 proved
pragma solidity ^0.8.20;

interface IHook {
    function notify(uint256 v) external returns (uint256);
}

contract Child {}

contract TryCatch {
    IHook public hook;
    uint256 public delivered;
    uint256 public failures;

    function send(uint256 v) public {
        uint256 before = failures;
        try hook.notify(v) returns (uint256 echoed) {
            assert(echoed == v);
        } catch {
            assert(failures > before);
        }
        // Exactly one of the two ran, and the failure was caught: this always holds.
        assert(failures == before || failures == before + 1);
    }

    function make() public {
        try new Child() returns (Child c) {
            delivered += 1;
            assert(address(c) != address(0));
        } catch (bytes memory) {
            assert(false);
        }
    }
}
