// Built-in checks on arrays in storage: an index at or past the length and a pop() of an
// empty array are Solidity's panics (panic@LINE:COL). A withdrawal queue whose `next` can
// pass the end of the queue: `process` reads past it once every request was served. The
// guarded `peek` and `cancelLast` are proved safe.
// @expect panic@25:35 violated
// @expect panic@32:22 proved
// @expect panic@37:9 violated
// @expect panic@42:9 proved
contract WithdrawalQueue {
    struct Request {
        address to;
        uint amount;
    }

    Request[] queue;
    uint next;
    mapping(address => uint) owed;

    function request(uint amount) public {
        queue.push(Request(msg.sender, amount));
    }

    function process() public {
        // Bug: no check that a request is waiting.
        Request storage r = queue[next];
        owed[r.to] += r.amount;
        next += 1;
    }

    function peek() public view returns (uint) {
        if (next >= queue.length) return 0;
        return queue[next].amount;
    }

    function dropLast() public {
        // Bug: the queue may be empty.
        queue.pop();
    }

    function cancelLast() public {
        require(queue.length > next);
        queue.pop();
    }
}
