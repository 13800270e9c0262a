// @expect-error 3:10 "transient storage ('transient') is not supported yet"
contract C {
    uint transient x;
    function g() public { x = 1; }
}
