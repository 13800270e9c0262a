// A `string` state variable (strings are for messages and event arguments
// only); reported at the type `string`.
// @expect-error 5:5 "not supported yet"
contract Named {
    string public name = "Vigil";
}
