import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// Modifiers, `return`, internal calls, loops and `storage` locals.
@Suite struct ControlFlowReplayTests {
    static let modifiers = """
        contract Modified {
            uint public log;

            invariant trivial: true;
            invariant neverThatOrder: log != 12354;

            modifier first() { log = log * 10 + 1; _; log = log * 10 + 4; }
            modifier second() { log = log * 10 + 2; _; log = log * 10 + 5; }
            modifier twice() { _; _; }
            modifier onlyPositive(uint v) { require(v > 0, "positive"); _; }

            function run() public first second returns (uint r) {
                log = log * 10 + 3;
                if (log > 0) {
                    return 7;
                }
                log = 9;
            }

            function again() public twice { log += 1; }

            function guarded(uint v) public onlyPositive(v) returns (uint) { return helper(v) + 1; }

            function helper(uint v) internal pure returns (uint doubled) { doubled = v * 2; }
        }
        """

    @Test func modifiersRunOutermostFirstAndTheirCodeAfterTheBodyRuns() throws {
        let fixture = try Fixture(Self.modifiers)
        let result = fixture.replay(schedule([call("run")]), invariant("neverThatOrder"))
        #expect(result.isViolated)
        #expect(result.trace?.part("log") == .int(12354))
        #expect(result.trace?.steps.last?.returned == .int(7))
    }

    @Test func aPlaceholderRunsTheBodyEachTime() throws {
        let step = try Fixture(Self.modifiers).step("again")
        #expect(step?.changes == [StateChange(path: [.variable("log")], old: .int(0), new: .int(2))])
    }

    @Test func modifierArgumentsAndInternalCalls() throws {
        let fixture = try Fixture(Self.modifiers)
        #expect(fixture.step("guarded", [5])?.returned == .int(11))
        #expect(fixture.step("guarded", [0])?.revertReason == "require failed at line 10: positive")
        #expect(fixture.step("helper", [1]) == nil)  // not an entry point: a mismatch
    }

    static let storage = """
        contract Accounts {
            struct Account { uint amount; bool active; }
            mapping(address => Account) accounts;
            mapping(address => mapping(uint => uint)) nested;
            uint public total;

            invariant trivial: true;

            function open() public payable {
                Account storage a = accounts[msg.sender];
                a.amount += msg.value;
                a.active = true;
            }

            function copy() public returns (uint) {
                Account memory m = accounts[msg.sender];
                m.amount = 0;
                total = accounts[msg.sender].amount;
                return m.amount;
            }

            function fill(uint n) public {
                for (uint i = 0; i < n; i++) {
                    if (i == 2) { continue; }
                    nested[msg.sender][i] = i + 1;
                    if (i == 3) { break; }
                }
                uint j = 0;
                while (j < n) { j += 1; }
                total = j;
            }

            function close() public { delete accounts[msg.sender]; }
        }
        """

    @Test func storageLocalsAliasStateAndMemoryStructsAreCopies() throws {
        let fixture = try Fixture(Self.storage)
        let s = schedule([
            call("open", from: Account.user1, value: 3),
            call("copy", from: Account.user1),
            call("close", from: Account.user1),
        ])
        let trace = try #require(fixture.replay(s, invariant("trivial")).trace)
        let user = TraceValue.address(Account.user1)
        #expect(
            trace.steps[1].changes == [
                StateChange(path: [.variable("accounts"), .key(user), .field("amount")], old: .int(0), new: .int(3)),
                StateChange(
                    path: [.variable("accounts"), .key(user), .field("active")], old: .bool(false), new: .bool(true)),
                StateChange(path: [.variable("balance")], old: .int(0), new: .int(3)),
            ])
        #expect(trace.steps[2].returned == .int(0))
        #expect(trace.steps[2].changes == [StateChange(path: [.variable("total")], old: .int(0), new: .int(3))])
        #expect(trace.steps[3].changes.count == 2)  // amount and active back to zero
    }

    @Test func loopsBreakAndContinue() throws {
        let step = try #require(try Fixture(Self.storage).step("fill", [6]))
        let keys = step.changes.map(\.path)
        let user = TraceValue.address(Account.user1)
        #expect(
            keys == [
                [.variable("nested"), .key(user), .key(.int(0))],
                [.variable("nested"), .key(user), .key(.int(1))],
                [.variable("nested"), .key(user), .key(.int(3))],
                [.variable("total")],
            ])
        #expect(step.changes.last?.new == .int(6))
    }

    @Test func aLoopThatRunsTooLongIsAMismatch() throws {
        let fixture = try Fixture(Self.storage)
        let result = fixture.replay(schedule([call("fill", [1_000_000])]), invariant("trivial"))
        #expect(result.mismatchReason?.hasPrefix("execution too long") == true)
    }
}
