import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// Handovers, ether sent with `transfer`/`send`, interface calls and other accounts' balances (§4).
@Suite struct ExternalInteractionTests {
    static let bank = """
        interface IHook {
            function notify(uint amount) external returns (uint);
            function ping() external;
        }

        interface IOracle {
            function price() external view returns (uint);
        }

        contract Bank {
            uint public counter;
            uint public lastPrice;
            uint public seen;
            address owner;
            IOracle oracle;

            trusted owner;
            invariant untouched: counter == 0;
            invariant trivial: true;

            constructor(IOracle o) { owner = msg.sender; oracle = o; }

            receive() external payable {}

            function bump() public { counter += 1; }

            function pay(uint v) public {
                (bool ok, ) = msg.sender.call{value: v}("");
                if (!ok) { seen = 1; }
            }

            function hook(uint v) public {
                uint answer = IHook(msg.sender).notify(v);
                seen = answer;
            }

            function ping() public { IHook(msg.sender).ping(); }

            function quote() public { lastPrice = oracle.price() + oracle.price(); }

            function payOut(uint v) public { payable(msg.sender).transfer(v); }

            function trySend(uint v) public returns (bool) { return payable(msg.sender).send(v); }

            function peek(address a) public returns (uint) { seen = a.balance; return address(this).balance; }
        }
        """

    static let oracle: BigInt = 0x0AC1E

    static func bankSchedule(_ calls: [Invocation], initialBalance: BigInt = 10) -> Schedule {
        schedule(
            calls, constructor: call("constructor", [oracle], from: Account.deployer), initialBalance: initialBalance)
    }

    @Test func aFailedCallUndoesTheReentrantCallsAndTheValue() throws {
        let fixture = try Fixture(Self.bank)
        let bump = call("bump", from: Account.attacker)
        let failed = Self.bankSchedule([
            call("pay", [3], from: Account.attacker, events: [handover([bump], success: false)])
        ])
        let result = fixture.replay(failed, invariant("untouched"))
        #expect(result.isNotViolated)
        let pay = try #require(result.trace?.steps.last)
        #expect(pay.changes == [StateChange(path: [.variable("seen")], old: .int(0), new: .int(1))])
        let record = try #require(pay.externalCalls.first)
        #expect(record.outcome == "false")
        #expect(record.calls.first?.changes == [StateChange(path: [.variable("counter")], old: .int(0), new: .int(1))])

        let succeeded = Self.bankSchedule([call("pay", [3], from: Account.attacker, events: [handover([bump])])])
        let violated = fixture.replay(succeeded, invariant("untouched"))
        #expect(violated.isViolated)
        #expect(
            violated.trace?.steps.last?.changes.contains(
                StateChange(path: [.variable("balance")], old: .int(10), new: .int(7))) == true)
    }

    @Test func aCallOfMoreThanTheBalanceFailsWithoutAnEvent() throws {
        let fixture = try Fixture(Self.bank)
        let result = fixture.replay(Self.bankSchedule([call("pay", [11])]), invariant("trivial"))
        let pay = try #require(result.trace?.steps.last)
        #expect(pay.externalCalls.first?.outcome == "false (value exceeds balance)")
        #expect(pay.changes == [StateChange(path: [.variable("seen")], old: .int(0), new: .int(1))])
    }

    @Test func forcedEtherAndNestedHandovers() throws {
        let fixture = try Fixture(Self.bank)
        let inner = call("bump", from: Account.attacker)
        let middle = call("pay", [1], from: Account.attacker, events: [handover([inner], forcedEther: 4)])
        let s = Self.bankSchedule([call("pay", [2], from: Account.attacker, events: [handover([middle])])])
        let trace = try #require(fixture.replay(s, invariant("trivial")).trace)
        let outer = try #require(trace.steps.last)
        #expect(outer.changes.contains(StateChange(path: [.variable("balance")], old: .int(10), new: .int(11))))
        #expect(outer.externalCalls.first?.calls.first?.externalCalls.first?.forcedEther == 4)
        #expect(outer.externalCalls.first?.calls.first?.externalCalls.first?.calls.first?.function == "bump")
    }

    @Test func interfaceCallsReturnValuesOrRevert() throws {
        let fixture = try Fixture(Self.bank)
        let ok = fixture.replay(
            Self.bankSchedule([call("hook", [2], events: [handover(returned: 42)])]), invariant("trivial"))
        let step = try #require(ok.trace?.steps.last)
        #expect(step.changes == [StateChange(path: [.variable("seen")], old: .int(0), new: .int(42))])
        #expect(step.externalCalls.first?.kind == "IHook.notify")
        #expect(step.externalCalls.first?.outcome == "returned 42")

        let bump = call("bump", from: Account.attacker)
        let reverted = fixture.replay(
            Self.bankSchedule([call("hook", [2], events: [handover([bump], success: false)])]), invariant("untouched"))
        #expect(reverted.isNotViolated)
        #expect(reverted.trace?.steps.last?.revertReason == "IHook.notify reverted at line 33")

        let missingValue = fixture.replay(
            Self.bankSchedule([call("hook", [2], events: [handover()])]), invariant("trivial"))
        #expect(missingValue.mismatchReason != nil)
        let extraValue = fixture.replay(
            Self.bankSchedule([call("ping", events: [handover(returned: 1)])]), invariant("trivial"))
        #expect(extraValue.mismatchReason != nil)
    }

    @Test func viewCallsReturnAnyValueEachTime() throws {
        let fixture = try Fixture(Self.bank)
        let events: [ExternalEvent] = [.viewCall(returned: [5]), .viewCall(returned: [7])]
        let step = try #require(
            fixture.replay(Self.bankSchedule([call("quote", events: events)]), invariant("trivial")).trace?.steps.last)
        #expect(step.changes == [StateChange(path: [.variable("lastPrice")], old: .int(0), new: .int(12))])
        #expect(step.externalCalls.map(\.target) == [.address(Self.oracle), .address(Self.oracle)])
    }

    @Test func transferAndSend() throws {
        let fixture = try Fixture(Self.bank)
        let sent = fixture.replay(
            Self.bankSchedule([call("payOut", [4], events: [.etherSent(success: true)])]), invariant("trivial"))
        #expect(
            sent.trace?.steps.last?.changes == [StateChange(path: [.variable("balance")], old: .int(10), new: .int(6))])
        let refused = fixture.replay(
            Self.bankSchedule([call("payOut", [4], events: [.etherSent(success: false)])]), invariant("trivial"))
        #expect(refused.trace?.steps.last?.revertReason == "transfer failed at line 41")
        let tooMuch = fixture.replay(Self.bankSchedule([call("payOut", [11])]), invariant("trivial"))
        #expect(tooMuch.trace?.steps.last?.revertReason == "transfer of more than the balance at line 41")
        let sendFails = fixture.replay(
            Self.bankSchedule([call("trySend", [4], events: [.etherSent(success: false)])]), invariant("trivial"))
        #expect(sendFails.trace?.steps.last?.returned == .bool(false))
        #expect(sendFails.trace?.steps.last?.changes == [])
    }

    @Test func balancesOfOtherAccountsComeFromTheSchedule() throws {
        let fixture = try Fixture(Self.bank)
        let other = fixture.replay(
            Self.bankSchedule([call("peek", [0x99], events: [.otherBalance(123)])]), invariant("trivial"))
        let step = try #require(other.trace?.steps.last)
        #expect(step.returned == .int(10))
        #expect(step.changes == [StateChange(path: [.variable("seen")], old: .int(0), new: .int(123))])
        let own = fixture.replay(Self.bankSchedule([call("peek", [Account.contract])]), invariant("trivial"))
        #expect(own.trace?.steps.last?.changes == [StateChange(path: [.variable("seen")], old: .int(0), new: .int(10))])
    }

    @Test func aTrustedAddressNeverReenters() throws {
        let fixture = try Fixture(Self.bank)
        let fromOwner = call("bump", from: Account.deployer)
        let s = Self.bankSchedule([call("pay", [1], from: Account.attacker, events: [handover([fromOwner])])])
        let result = fixture.replay(s, invariant("untouched"))
        #expect(result.mismatchReason?.contains("trusted") == true)
        #expect(fixture.replay(s, invariant("untouched"), trusted: false).isViolated)
        // The owner may still call at top level.
        #expect(fixture.replay(Self.bankSchedule([fromOwner]), invariant("untouched")).isViolated)
    }
}

/// Events a step emits are in its trace step, named by the event's parameters; a reverted step
/// emits nothing, and a re-entrant call's events are in its own step.
@Suite struct EmittedEventTests {
    static let source = """
        contract Log {
            uint public total;
            event Added(address indexed who, uint amount, string note);
            event Paid(uint);
            invariant small: total < 100;

            function add(uint amount) public {
                total += amount;
                emit Added(msg.sender, amount, "add");
                require(amount != 7, "seven");
            }

            function pay() public {
                emit Paid(total);
                (bool ok, ) = msg.sender.call("");
                require(ok);
            }
        }
        """

    @Test func aStepShowsItsEventsAndARevertedStepNone() throws {
        let fixture = try Fixture(Self.source)
        let add = call("add", [5], from: Account.attacker)
        let result = fixture.replay(
            schedule(
                [
                    add, call("add", [7], from: Account.user1),
                    call("pay", from: Account.user1, events: [handover([add])]),
                ],
                constructor: call("constructor", from: Account.deployer)),
            invariant("small"))
        let steps = try #require(result.trace?.steps)
        #expect(
            steps[1].events == [
                EventRecord(
                    name: "Added",
                    arguments: [
                        NamedValue(name: "who", value: .address(Account.attacker)),
                        NamedValue(name: "amount", value: .int(5)), NamedValue(name: "note", value: .text("\"add\"")),
                    ], line: 9, callsBefore: 0)
            ])
        #expect(steps[2].revertReason == "require failed at line 10: seven")
        #expect(steps[2].events.isEmpty)
        #expect(
            steps[3].events == [
                EventRecord(
                    name: "Paid", arguments: [NamedValue(name: "arg1", value: .int(5))], line: 14, callsBefore: 0)
            ])
        let inner = try #require(steps[3].externalCalls.first?.calls.first)
        #expect(inner.events.map(\.name) == ["Added"])
    }
}
