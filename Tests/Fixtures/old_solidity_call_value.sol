// @expect-error 5:26 "'.call.value(...)' is Solidity before 0.8"
contract Old {
    uint x;
    function pay(address a) public {
        bool ok = a.call.value(1)(""); x = 1;
    }
}
