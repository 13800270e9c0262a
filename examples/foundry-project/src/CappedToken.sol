// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// One import through remappings.txt, one through Forge's automatic remapping of lib/base-contracts.
import {ERC20} from "@base/token/ERC20.sol";
import {Ownable} from "base-contracts/access/Ownable.sol";
import {Math} from "@base/utils/math/Math.sol";

/// A token only its owner mints, never beyond its cap: the cap is enforced in the
/// `_update` override, which every mint goes through. specs/ERC20.spec is judged on it too.
// @expect underCap proved
// @expect supplyIsSum proved
// @expect transferKeepsSupply proved
contract CappedToken is ERC20, Ownable {
    using Math for uint256;

    uint256 public immutable cap;

    error ERC20ExceededCap(uint256 increasedSupply, uint256 cap);

    constructor(uint256 cap_) Ownable(msg.sender) {
        cap = cap_;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    /// Mints what is left under the cap, up to `amount`.
    function mintUpToCap(address to, uint256 amount) external onlyOwner {
        _mint(to, amount.min(cap.saturatingSub(totalSupply())));
    }

    function burn(uint256 amount) external {
        _burn(msg.sender, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from == address(0)) {
            uint256 supply = totalSupply();
            if (supply > cap) revert ERC20ExceededCap(supply, cap);
        }
    }
}
