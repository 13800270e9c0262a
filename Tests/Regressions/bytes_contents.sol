// The contents of `bytes` and `string` values, modelled because this file reads them: length,
// indexing (with its panic check), push in storage, `new bytes(n)`, `bytesN(b)` (the first
// bytes, zero-padded), slices of calldata (`payload[20:52]`, `xs[1:]`), literals with their
// bytes. A `bytes` argument holds up to 64 bytes in the bounded engine. Traces show bytes in
// hex and printable strings as text.
// @expect Packets.assert@29 violated
// @expect Packets.panic@33:39 proved
// @expect Packets.assert@37 proved
// @expect Packets.panic@37:55 proved
// @expect Packets.panic@42:11 proved
// @expect Packets.assert@43 proved
// @expect Packets.panic@43:35 proved
// @expect Packets.panic@43:51 proved
// @expect Packets.assert@49 proved
// @expect Packets.assert@58 proved
// @expect Packets.assert@59 violated
// @expect Packets.assert@64 proved
// @expect Packets.panic@65:39 proved
contract Packets {
    bytes public last;
    string public name = "vigil";
    mapping(uint256 => bytes) public stored;
    address public lastTarget;

    function take(bytes calldata data) external {
        require(data.length >= 4);
        bytes4 selector = bytes4(data);
        last = data;
        assert(selector != 0xdeadbeef);
    }

    function firstByte(bytes memory data) public pure returns (bytes1) {
        return data.length > 0 ? data[0] : bytes1(0);
    }

    function nameLength() external view {
        assert(bytes(name).length == 5 && bytes(name)[0] == "v");
    }

    function build() external pure {
        bytes memory b = new bytes(3);
        b[1] = 0x41;
        assert(b.length == 3 && b[1] == 0x41 && b[0] == 0);
    }

    function keep(uint256 k, bytes calldata d) external {
        stored[k] = d;
        stored[k].push(0x01);
        assert(stored[k].length == d.length + 1);
    }

    function route(bytes calldata payload) external {
        require(payload.length >= 52);
        address target = address(bytes20(payload[0:20]));
        uint256 value = uint256(bytes32(payload[20:52]));
        bytes calldata rest = payload[52:];
        lastTarget = target;
        assert(rest.length == payload.length - 52);
        assert(value != 5 || target != address(0x1234));
    }

    function tail(uint256[] calldata xs) external pure returns (uint256) {
        uint256[] calldata rest = xs[1:];
        assert(rest.length + 1 == xs.length);
        return rest.length > 0 ? rest[0] : 0;
    }
}
