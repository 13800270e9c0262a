// Three independent syntax errors in three functions: the parser recovers after
// each one and reports all three (and nothing else).
// @expect-error 11:5 "expected ';'"
// @expect-error 14:18 "expected expression"
// @expect-error 18:15 "expected ';'"
contract ThreeErrors {
    uint x;

    function a() public {
        x = 1
    }

    function b() public {
        x = (2 + );
    }

    function c() public {
        x = 3 4;
    }
}
