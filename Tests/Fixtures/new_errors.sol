// `new` creates a deployable contract, with its constructor's arguments and, for a payable
// constructor only, ether.
// @expect-error 16:13 "'Base' is not a contract that can be created"
// @expect-error 17:13 "'IThing' is not a contract that can be created"
// @expect-error 18:21 "the constructor of 'Product' is not payable"
// @expect-error 19:9 "'new Product' takes 1 argument"
abstract contract Base {}
interface IThing {}
contract Product {
    uint256 x;
    constructor(uint256 v) { x = v; }
}

contract Factory {
    function make() public payable {
        new Base();
        new IThing();
        new Product{value: 1}(2);
        new Product();
    }
}
