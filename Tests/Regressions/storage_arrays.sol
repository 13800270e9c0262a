// Arrays in storage: dynamic and fixed, of values and of structs, in a mapping; push, pop,
// length, indexing, delete, a loop over an array; an index out of bounds and a pop of an
// empty array are Solidity's panics (built-in checks), violated where they can happen and
// proved where the code guards them.
// @expect panic@32:15 proved
// @expect panic@38:9 violated
// @expect panic@43:9 proved
// @expect panic@48:24 violated
// @expect panic@59:26 safe
// @expect panic@62:50 proved
// @expect assert@63 safe
// @expect assert@64 violated
// @expect-bmc panic@43:9 holds
// @expect-bmc assert@64 violated
// @expect-prove panic@38:9 violated
pragma solidity ^0.8.20;

contract Members {
    struct Payment {
        address to;
        uint256 amount;
    }

    address[] internal members;
    uint256[3] internal slots;
    Payment[] internal payments;
    mapping(address => uint256[]) internal joinedAt;

    function join() external {
        members.push(msg.sender);
        joinedAt[msg.sender].push(block.number);
        slots[members.length % 3] += 1;
        payments.push(Payment(msg.sender, 1));
    }

    function leave() external {
        // Unguarded: the first leave() of an empty list panics.
        members.pop();
    }

    function leaveSafely() external {
        require(members.length > 0);
        members.pop();
    }

    function member(uint256 i) external view returns (address) {
        // Unguarded: any index at or past the length panics.
        return members[i];
    }

    function reset() external {
        delete members;
        delete slots[0];
    }

    function check() external view {
        uint256 sum;
        for (uint256 i = 0; i < slots.length; i++) {
            sum += slots[i];
        }
        uint256 paid;
        if (payments.length > 0) paid = payments[payments.length - 1].amount;
        assert(paid <= 1 && slots.length == 3);
        assert(sum < 3);
    }
}
