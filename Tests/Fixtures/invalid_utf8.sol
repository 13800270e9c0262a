// Source files must be UTF-8. The comment on the `uint x;` line ends with the
// single byte 0xE9 (Latin-1 'e acute'), which is not valid UTF-8; reported at
// that byte (columns count bytes).
// @expect-error 6:19 "UTF-8"
contract Utf8 {
    uint x; // café
}
