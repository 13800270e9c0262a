// `try` needs an external call or a creation (a view function's too); the failure is caught by
// a catch-all clause (`catch Error(...)` and `catch Panic(...)` are not supported yet).
// @expect-error 18:13 "'try' needs an external function call or 'new C(...)'"
// @expect-error 20:36 "the call returns 1 value, 'returns' names 2"
// @expect-error 21:49 "'catch Error(...)' (catch every failure with 'catch') is not supported yet"
// @expect-error 22:56 "the failure data of 'catch (...)' is 'bytes memory'"
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
        try thing.take(2) returns (uint256) { } catch Error(string memory) { }
        try thing.take(3) returns (uint256) { } catch (uint256 code) { code; }
    }
}
