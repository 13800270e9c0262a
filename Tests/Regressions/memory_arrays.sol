// Arrays in memory and call data (values to every stage, exact where no two names share one:
// Tests/Fixtures/memory_array.sol), structs and arrays as transaction arguments (the bounded
// engine gives a dynamic array at most --loops elements, and says so), and interface calls
// that return structs, arrays and several values.
// @expect Batches.panic@45:61 proved
// @expect Batches.assert@46 violated
// @expect Batches.panic@51:22 proved
// @expect Batches.assert@52 proved
// @expect Batches.panic@52:45 proved
// @expect Batches.assert@56 proved
// @expect Batches.assert@62 violated
// @expect Batches.assert@69 violated
// @expect Batches.assert@70 violated
// @expect Batches.panic@70:20 violated
// @expect Batches.panic@75:11 proved
// @expect Batches.assert@76 proved
// @expect Batches.panic@76:18 proved
// @expect Batches.panic@76:38 proved
// @expect Keeper.panic@86:14 violated
// @expect Keeper.assert@87 proved
// @expect Keeper.assert@88 proved
// @expect Keeper.panic@88:39 proved
// @expect Keeper.panic@88:48 proved
interface IPool {
    struct Quote {
        uint256 price;
        uint64 at;
    }

    function quote() external view returns (Quote memory);
    function reserves() external view returns (uint112, uint112);
    function holders() external view returns (address[] memory);
}

contract Batches {
    struct Order {
        address maker;
        uint96 amount;
    }

    IPool pool;
    uint256 total;

    function batch(uint256[] calldata xs) external {
        for (uint256 i = 0; i < xs.length; i++) total += xs[i];
        assert(total != 77);
    }

    function made(uint256 n) external pure {
        uint256[] memory a = new uint256[](n);
        if (n > 1) a[1] = 5;
        assert(a.length == n && (n < 2 || a[1] == 5));
    }

    function fixedArgument(uint8[3] memory xs) external pure {
        assert(uint256(xs[0]) + xs[1] + xs[2] < 766);
    }

    function place(Order calldata o) external {
        require(o.maker != address(0));
        total += o.amount;
        assert(total < 1000);
    }

    function priced() external view {
        IPool.Quote memory q = pool.quote();
        (uint112 a, uint112 b) = pool.reserves();
        address[] memory who = pool.holders();
        assert(q.price != 42 || a + b > 0);
        assert(who[0] != address(1));
    }

    function grid(uint256 n) external pure {
        uint256[][] memory g = new uint256[][](2);
        g[0] = new uint256[](n);
        assert(g[0].length == n && g[1].length == 0);
    }
}

contract Keeper {
    uint256[] kept;

    function keep(uint256[] calldata xs) external {
        kept = xs;
        uint256[] memory copy = kept;
        copy[0] = 1;
        assert(kept.length == xs.length);
        assert(xs.length == 0 || kept[0] == xs[0]);
    }
}
