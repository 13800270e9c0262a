import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// Judging `ensures`, `assert` and invariants with quantifiers, forced ether and view functions (§5).
@Suite struct PropertyReplayTests {
    static let ledger = """
        contract Ledger {
            uint public total;
            mapping(address => uint) balances;

            function add(uint x) public returns (uint)
                ensures total == old(total) + x && result == total
            {
                total += x;
                return total;
            }

            function addWrong(uint x) public returns (uint)
                ensures result == old(total) + x
            {
                total += x;
                return total + 1;
            }

            function deposit() public payable
                ensures balances[msg.sender] == old(balances[msg.sender]) + msg.value
            {
                balances[msg.sender] += msg.value;
            }
        }
        """

    @Test func ensuresWithOldAndResultHolds() throws {
        let fixture = try Fixture(Self.ledger)
        let name = try #require(fixture.ensuresName(of: "add"))
        #expect(name == "ensures@6")
        let s = schedule([call("add", [3]), call("add", [4]), call("deposit", value: 2)])
        #expect(fixture.replay(s, PropertyReference(kind: .ensures, name: name)).isNotViolated)
        let deposit = try #require(fixture.ensuresName(of: "deposit"))
        #expect(fixture.replay(s, PropertyReference(kind: .ensures, name: deposit)).isNotViolated)
    }

    @Test func ensuresViolationShowsItsParts() throws {
        let fixture = try Fixture(Self.ledger)
        let name = try #require(fixture.ensuresName(of: "addWrong"))
        let s = schedule([call("add", [3]), call("addWrong", [4]), call("add", [1])])
        let result = fixture.replay(s, PropertyReference(kind: .ensures, name: name))
        #expect(result.isViolated)
        let trace = try #require(result.trace)
        #expect(trace.failureLine == 13)
        #expect(trace.part("result") == .int(8))
        #expect(trace.part("old(total) + x") == .int(7))
        #expect(trace.steps.count == 3)  // the transaction after the violation is dropped
    }

    static let reentrantAssert = """
        contract Counter {
            uint public count;

            function poke() public {
                count += 1;
                assert(count < 2);
            }

            function outer() public {
                count += 1;
                (bool ok, ) = msg.sender.call{value: 0}("");
                require(ok, "call failed");
            }
        }
        """

    @Test func anAssertFailingInACaughtReentrantFrameIsAViolation() throws {
        let fixture = try Fixture(Self.reentrantAssert)
        let name = try #require(fixture.assertName)
        #expect(name == "assert@6")
        let poke = call("poke", from: Account.attacker)
        let s = schedule([call("outer", from: Account.attacker, events: [handover([poke], success: false)])])
        let result = fixture.replay(s, PropertyReference(kind: .assertion, name: name))
        #expect(result.isViolated)
        let trace = try #require(result.trace)
        #expect(trace.failureLine == 6)
        #expect(trace.part("count") == .int(2))
        let outer = try #require(trace.steps.last)
        #expect(outer.revertReason == "require failed at line 12: call failed")
        #expect(outer.externalCalls.first?.outcome == "false")
        #expect(outer.externalCalls.first?.calls.first?.revertReason == "assertion failed at line 6")
    }

    @Test func anAssertThatHoldsIsNotViolated() throws {
        let fixture = try Fixture(Self.reentrantAssert)
        let name = try #require(fixture.assertName)
        let s = schedule([call("poke"), call("outer", events: [handover()])])
        #expect(fixture.replay(s, PropertyReference(kind: .assertion, name: name)).isNotViolated)
    }

    static let quantified = """
        contract Book {
            mapping(address => uint) balances;
            uint public divisor;
            bool public paused;

            invariant allSmall: forall address a: balances[a] <= 10;
            invariant someoneHasFive: exists address a: balances[a] == 5;
            invariant noneNegative: forall address a: balances[a] >= 0;
            invariant ratio: 100 / divisor >= 0;
            invariant pausedOrNot: forall bool b: b == paused || b != paused;
            invariant viewBounded: smallest() <= 10;
            invariant capped: balance <= 5;
            invariant riskyHolds: risky() >= 25;

            function put(uint v) public { balances[msg.sender] = v; }
            function setDivisor(uint d) public { divisor = d; }
            function smallest() public view returns (uint) { return balances[msg.sender] * 2; }
            function risky() public view returns (uint) { require(divisor != 0); return 100 / divisor; }
            receive() external payable {}
        }
        """

    @Test func aForallCounterexampleIsExact() throws {
        let fixture = try Fixture(Self.quantified)
        let result = fixture.replay(schedule([call("put", [3]), call("put", [11])]), invariant("allSmall"))
        #expect(result.isViolated)
        #expect(fixture.replay(schedule([call("put", [3])]), invariant("allSmall")).isNotViolated)
    }

    @Test func aFalseExistsOverCandidatesCannotBeConfirmed() throws {
        let fixture = try Fixture(Self.quantified)
        let missing = fixture.replay(schedule([call("put", [3])]), invariant("someoneHasFive"))
        #expect(missing.isUnconfirmable)
        // No one has 5 right after deployment: the exists is false over the candidates only.
        let noneAtStart = fixture.replay(schedule([call("put", [5])]), invariant("someoneHasFive"))
        #expect(noneAtStart.isUnconfirmable)
        let withAWitness = try Fixture(
            Self.quantified.replacingOccurrences(
                of: "exists address a: balances[a] == 5", with: "exists address a: balances[a] == 0"))
        #expect(withAWitness.replay(schedule([call("put", [5])]), invariant("someoneHasFive")).isNotViolated)
        #expect(fixture.replay(schedule([call("put", [3])]), invariant("noneNegative")).isNotViolated)
        #expect(fixture.replay(schedule([call("put", [3])]), invariant("pausedOrNot")).isNotViolated)
    }

    @Test func divisionByZeroMakesAPropertyFalse() throws {
        let fixture = try Fixture(Self.quantified)
        let result = fixture.replay(schedule([]), invariant("ratio"))
        #expect(result.isViolated)
        #expect(result.trace?.part("100 / divisor") == nil)
        #expect(fixture.replay(schedule([call("setDivisor", [4])]), invariant("ratio")).isViolated)
    }

    @Test func viewFunctionsRunInsideProperties() throws {
        let fixture = try Fixture(Self.quantified)
        // `smallest` reads msg.sender: outside a transaction that does not fit the rules.
        let result = fixture.replay(schedule([]), invariant("viewBounded"))
        #expect(result.mismatchReason == "msg.sender has no value outside a call of the contract")
        // A revert inside a called view function makes the property false.
        let reverting = fixture.replay(schedule([call("setDivisor", [4])]), invariant("riskyHolds"))
        #expect(reverting.isViolated)
        #expect(reverting.trace?.steps.count == 1)
        #expect(reverting.trace?.part("risky()") == nil)
        let initialised = try Fixture(
            Self.quantified.replacingOccurrences(of: "uint public divisor;", with: "uint public divisor = 2;"))
        #expect(initialised.replay(schedule([call("setDivisor", [4])]), invariant("riskyHolds")).isNotViolated)
        let tooSmall = initialised.replay(schedule([call("setDivisor", [5])]), invariant("riskyHolds"))
        #expect(tooSmall.isViolated)
        #expect(tooSmall.trace?.part("risky()") == .int(20))
    }

    @Test func invariantsAreJudgedAfterForcedEther() throws {
        let fixture = try Fixture(Self.quantified)
        var s = schedule([call("put", [1]), call("put", [2])])
        s.transactions[1].forcedEther = 6
        let result = fixture.replay(s, invariant("capped"))
        #expect(result.isViolated)
        #expect(result.trace?.part("balance") == .int(6))
        #expect(result.trace?.steps.count == 3)
        #expect(result.trace?.steps.last?.forcedEther == 6)

        var atEnd = schedule([call("put", [1])])
        atEnd.finalForcedEther = 9
        #expect(fixture.replay(atEnd, invariant("capped")).isViolated)
        #expect(fixture.replay(schedule([call("receive", value: 5)]), invariant("capped")).isNotViolated)
        #expect(fixture.replay(schedule([call("receive", value: 6)]), invariant("capped")).isViolated)
    }

    @Test func aViolationRightAfterDeploymentEndsTheTrace() throws {
        let fixture = try Fixture(Self.quantified)
        let result = fixture.replay(schedule([call("put", [1])], initialBalance: 7), invariant("capped"))
        #expect(result.isViolated)
        #expect(result.trace?.steps.map(\.kind) == [.constructor])
        #expect(result.trace?.initialBalance == 7)
    }

    static let roles = """
        contract Owned {
            address owner;
            address pending;
            mapping(address => address) delegates;

            invariant ownerSet: owner != address(0);

            constructor() { owner = msg.sender; }
            function hand(address to) public { require(msg.sender == owner); pending = to; owner = address(0); }
        }
        """

    @Test func rolesShowAddressStateVariables() throws {
        let fixture = try Fixture(Self.roles)
        let result = fixture.replay(schedule([call("hand", [0x77], from: Account.deployer)]), invariant("ownerSet"))
        #expect(result.isViolated)
        #expect(
            result.trace?.roles == [
                NamedValue(name: "owner", value: .address(0)), NamedValue(name: "pending", value: .address(0x77)),
            ])
        #expect(result.trace?.part("owner") == .address(0))
    }

    @Test func rulesAreNotReplayedHere() throws {
        let fixture = try Fixture(Self.roles)
        let result = fixture.replay(schedule([]), PropertyReference(kind: .rule, name: "anything"))
        #expect(result.mismatchReason == "rules are replayed elsewhere")
    }
}
