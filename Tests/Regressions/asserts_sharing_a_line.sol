// Two asserts on one line are two properties, each with its own name and counterexample.
// @expect assert@6:30 violated
// @expect assert@6:46 violated
contract SharedLine { uint x;
  function set(uint v) public { x = v; }
  function f() public view { assert(x != 8); assert(x != 7); }
}
