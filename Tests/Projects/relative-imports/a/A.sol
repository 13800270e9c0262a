import {I} from "./I.sol";
abstract contract A is I { function f() public virtual returns (uint256) { return 1; } }
