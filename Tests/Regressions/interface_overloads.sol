// An interface with overloaded functions (IERC721's two `safeTransferFrom`): each call takes
// the overload with its number of arguments.
// @expect assert@26 violated
pragma solidity ^0.8.20;

interface INft {
    function safeTransferFrom(address from, address to, uint256 id) external;

    function safeTransferFrom(address from, address to, uint256 id, bytes calldata data) external;

    function ownerOf(uint256 id) external view returns (address);
}

contract Escrow {
    INft public immutable nft;
    uint256 public moves;

    constructor(INft nft_) {
        nft = nft_;
    }

    function release(address to, uint256 id) external {
        nft.safeTransferFrom(address(this), to, id);
        nft.safeTransferFrom(address(this), to, id, "");
        moves += 2;
        assert(moves < 4);
    }
}
