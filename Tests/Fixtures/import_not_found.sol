pragma solidity ^0.8.0;
import {Math, Maths} from "./imports/Math.sol";
// @expect-error 2:15 "'Maths' is not declared in"
contract C {}
