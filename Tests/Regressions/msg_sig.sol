// `msg.sig` (solmate's Auth: `requiresAuth` opens a function by its selector): the selector of
// the function the transaction or call runs, in both engines and the interpreter.
// @expect Box.assert@21 violated
// @expect Box.assert@22 proved
// @expect Box.assert@23 proved
// @expect Box.assert@24 violated
pragma solidity ^0.8.20;
abstract contract Auth {
    address public owner;
    mapping(bytes4 => bool) public open;
    constructor() { owner = msg.sender; }
    modifier requiresAuth() {
        require(msg.sender == owner || open[msg.sig], "UNAUTHORIZED");
        _;
    }
}
contract Box is Auth {
    uint256 public value;
    uint256 public hits;
    function setOpen(bytes4 sig, bool on) external requiresAuth { open[sig] = on; }
    function set(uint256 v) external requiresAuth { value = v; assert(msg.sender == owner); }
    function hit() external requiresAuth { hits += 1; assert(msg.sig == this.hit.selector); }
    function check() external view { assert(msg.sig == bytes4(keccak256("check()"))); }
    function risky() external view returns (bool) { assert(value == 0); return true; }
}
