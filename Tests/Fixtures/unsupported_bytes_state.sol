// A `bytes` state variable (bytes only appear in
// `(bool ok, bytes memory data) = x.call{...}("")`); reported at the type.
// @expect-error 5:5 "not supported yet"
contract Blob {
    bytes data;
}
