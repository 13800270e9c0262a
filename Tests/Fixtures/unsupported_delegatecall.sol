// `delegatecall` is outside the subset; reported at the member name
// `delegatecall`.
// @expect-error 6:16 "not supported yet"
contract Proxy {
    function forward(address target) public {
        target.delegatecall("");
    }
}
