import {I} from "./I.sol";
interface J is I {}
