// A conversion to an enum of a value that may be out of its range is a built-in panic check;
// one guarded by a require is proved.
// @expect panic@8:52 violated
// @expect panic@9:68 proved
contract Modes {
    enum Mode { Off, On, Auto }
    Mode mode;
    function setMode(uint8 m) public { mode = Mode(m); }
    function safeSet(uint8 m) public { require(m < 3); mode = Mode(m); }
}
