import {A} from "../A.sol";
import {J} from "../../i/J.sol";
contract C is A, J { }
