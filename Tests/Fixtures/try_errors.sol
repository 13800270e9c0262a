// `try` needs an external call or a creation (a view function's too); `catch Error` takes one
// `string memory`, `catch Panic` one `uint256`, `catch (...)` the failure data as `bytes memory`;
// no other name, and no kind of clause twice.
// @expect-error 22:13 "'try' needs an external function call or 'new C(...)'"
// @expect-error 24:36 "the call returns 1 value, 'returns' names 2"
// @expect-error 25:61 "'catch Error' takes the reason, one 'string memory'"
// @expect-error 26:61 "'catch Panic' takes the code, one 'uint256'"
// @expect-error 27:56 "the failure data of 'catch (...)' is 'bytes memory'"
// @expect-error 28:55 "'catch Oops' is no catch clause"
// @expect-error 29:74 "only one 'catch Panic' clause may catch such failures"
interface IThing {
    function take(uint256 v) external returns (uint256);
    function peek() external view returns (uint256);
}

contract Caller {
    IThing thing;

    function local() internal pure returns (uint256) { return 1; }

    function f() public {
        try local() returns (uint256 a) { a; } catch { }
        try thing.peek() returns (uint256 b) { b; } catch { }
        try thing.take(1) returns (uint256 c, uint256 d) { c; d; } catch { }
        try thing.take(2) returns (uint256) { } catch Error(uint256 why) { why; }
        try thing.take(2) returns (uint256) { } catch Panic(string memory c) { c; }
        try thing.take(3) returns (uint256) { } catch (uint256 code) { code; }
        try thing.take(4) returns (uint256) { } catch Oops(uint256) { }
        try thing.take(5) returns (uint256) { } catch Panic(uint256) { } catch Panic(uint256) { }
    }
}
