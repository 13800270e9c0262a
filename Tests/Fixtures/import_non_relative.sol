// Only relative imports ("./...", "../...") are resolved; any other import is
// an error that names it; reported at the path string.
// @expect-error 4:8 "import"
import "@openzeppelin/contracts/token/ERC20/ERC20.sol";

contract UsesImport {
    uint x;
}
