import {I} from "../a/I.sol";
