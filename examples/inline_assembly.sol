// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Inline assembly in the shape of OpenZeppelin's `Math.mulDiv`. The engines abstract it: the
// locals it assigns take any value, it may revert, and where it writes storage or calls, the
// state takes any value. Every result lists the block (`abstracted: inline assembly at
// inline_assembly.sol:14`); a proof through it stands, and a counterexample through it is
// `unknown`, since the interpreter does not run assembly.

library FullMath {
    /// `x * y / d`, rounded down (Yul's `mul` wraps: the real library handles the overflow).
    function mulDiv(uint256 x, uint256 y, uint256 d) internal pure returns (uint256 result) {
        require(d > 0);
        assembly ("memory-safe") {
            result := div(mul(x, y), d)
        }
    }
}

contract Shares {
    uint256 public totalShares;
    uint256 public totalAssets;
    uint256 public deposits;
    mapping(address => uint256) public shares;

    function deposit(uint256 assets) public {
        uint256 minted = totalShares == 0 ? assets : FullMath.mulDiv(assets, totalShares, totalAssets);
        bool oneToOne = totalShares == totalAssets;
        shares[msg.sender] += minted;
        totalShares += minted;
        totalAssets += assets;
        deposits += 1;
        // Whatever the assembly computed: proved through the abstraction.
        assert(totalShares >= minted); // @expect assert@34 proved
        // Depends on what the assembly computed: the counterexample runs through it.
        if (oneToOne) assert(minted == assets); // @expect assert@36 unknown // why: the engines abstract the assembly, whose result is then any value; the interpreter does not run it to confirm or refute
    }
}
