import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// Schedules that do not fit the contract or the rules of §4: each is a `.mismatch` that says
/// why, never a trap.
@Suite struct ScheduleMismatchTests {
    static let source = VaultReplayTests.vault.replacingOccurrences(
        of: "    function withdraw() public {",
        with: """
                function burn(uint8 n, bool flag) public { require(flag); balances[msg.sender] -= n; }

                function withdraw() public {
            """)

    static let solvent = invariant("solvent")

    func mismatch(_ s: Schedule) throws -> String? {
        try Fixture(Self.source).replay(s, Self.solvent).mismatchReason
    }

    @Test func aWrongEventKind() throws {
        let reason = try mismatch(schedule([call("withdraw", events: [.etherSent(success: true)])]))
        #expect(
            reason
                == "'withdraw' expected a handover for the call at line 14, but the schedule gives an etherSent event")
    }

    @Test func leftoverAndMissingEvents() throws {
        let leftover = try mismatch(schedule([call("deposit", value: 1, events: [handover()])]))
        #expect(leftover == "'deposit' ended with 1 event of the schedule left over (the next is a handover)")
        let missing = try mismatch(schedule([call("withdraw")]))
        #expect(
            missing == "'withdraw' expected a handover for the call at line 14, but the schedule has no more events")
        let nested = call("withdraw", from: Account.attacker, events: [handover(), handover()])
        let leftoverInside = try mismatch(
            schedule([call("withdraw", from: Account.attacker, events: [handover([nested])])]))
        #expect(leftoverInside?.hasPrefix("'withdraw' ended with 1 event") == true)
    }

    @Test func eventsOfARevertedCallMustFitToo() throws {
        // burn reverts at its require; the handover it never reaches is left over.
        let reason = try mismatch(schedule([call("burn", [1, 0], events: [handover()])]))
        #expect(reason?.contains("left over") == true)
    }

    @Test func decreasingBlocks() throws {
        var s = schedule([call("deposit", value: 1), call("deposit", value: 1)])
        s.transactions[1].timestamp = 99
        #expect(try mismatch(s) == "the timestamp decreases at transaction 2")
        s.transactions[1].timestamp = 100
        s.transactions[1].blockNumber = 9
        #expect(try mismatch(s) == "the block number decreases at transaction 2")
    }

    @Test func valueToANonPayableFunction() throws {
        let reason = try mismatch(schedule([call("withdraw", value: 1, events: [handover()])]))
        #expect(reason == "'withdraw' is not payable, but the schedule sends it 1 wei")
        let reentrant = call("withdraw", from: Account.attacker, value: 1, events: [handover()])
        let nested = try mismatch(schedule([call("withdraw", from: Account.attacker, events: [handover([reentrant])])]))
        #expect(nested == "'withdraw' is not payable, but the schedule sends it 1 wei")
    }

    @Test func badFunctionsArgumentsAndSenders() throws {
        #expect(try mismatch(schedule([call("steal")])) == "'steal' is not a public or external function of Vault")
        #expect(
            try mismatch(schedule([call("burn", [1])])) == "the schedule gives argument 2 of 'burn' too few numbers")
        #expect(try mismatch(schedule([call("burn", [256, 1])]))?.contains("not a value of type uint8") == true)
        #expect(try mismatch(schedule([call("burn", [1, 2])])) == "argument 2 of 'burn' is not a bool")
        #expect(try mismatch(schedule([call("burn", [-1, 1])]))?.contains("argument 1") == true)
        #expect(try mismatch(schedule([call("deposit", from: 0)]))?.contains("not a nonzero address") == true)
        #expect(
            try mismatch(schedule([call("deposit", from: Account.contract)]))
                == "the sender of 'deposit' is the contract itself")
        #expect(
            try mismatch(schedule([call("deposit", from: BigInt(1) << 160)]))?.contains("not a nonzero address") == true
        )
        #expect(try mismatch(schedule([], constructor: call("deposit", from: Account.deployer))) != nil)
        #expect(try mismatch(schedule([], constructor: call("constructor", [1], from: Account.deployer))) != nil)
    }

    @Test func etherBeyondTwoToThe128() throws {
        let limit = BigInt(1) << 128
        #expect(try mismatch(schedule([call("deposit", value: limit + 1)]))?.contains("2^128") == true)
        #expect(try mismatch(schedule([call("deposit", value: -1)])) != nil)
        #expect(try mismatch(schedule([], initialBalance: limit + 1)) != nil)
        var forced = schedule([call("deposit", value: 1)], initialBalance: limit)
        #expect(try mismatch(forced)?.contains("2^128") == true)
        forced = schedule([call("deposit", value: 0)], initialBalance: limit)
        #expect(try Fixture(Self.source).replay(forced, Self.solvent).isNotViolated)
        forced.transactions[0].forcedEther = -1
        #expect(try mismatch(forced) != nil)
        let inHandover = call("withdraw", events: [handover(forcedEther: limit + 1)])
        #expect(try mismatch(schedule([call("deposit", value: 1), inHandover]))?.contains("2^128") == true)
    }

    @Test func deploymentRules() throws {
        let reverting = """
            contract Reverting {
                uint x;
                invariant trivial: true;
                constructor(uint v) { require(v > 0); x = v; }
            }
            """
        let fixture = try Fixture(reverting)
        let reason = fixture.replay(
            schedule([], constructor: call("constructor", [0], from: Account.deployer)), invariant("trivial"))
        #expect(reason.mismatchReason == "constructor reverts: require failed at line 4")
        let deployed = fixture.replay(
            schedule([], constructor: call("constructor", [2], from: Account.deployer)), invariant("trivial"))
        #expect(
            deployed.trace?.steps.first?.changes == [StateChange(path: [.variable("x")], old: .int(0), new: .int(2))])
        var badAddress = schedule([])
        badAddress.thisAddress = 0
        #expect(fixture.replay(badAddress, invariant("trivial")).mismatchReason != nil)
        #expect(
            fixture.replay(schedule([]), invariant("nothing")).mismatchReason
                == "Reverting has no invariant named 'nothing'")

        let calling = """
            contract Calling {
                invariant trivial: true;
                constructor() { (bool ok, ) = msg.sender.call{value: 0}(""); require(ok); }
                function f() public {}
            }
            """
        let caller = try Fixture(calling)
        let quiet = call("constructor", from: Account.deployer, events: [handover()])
        #expect(caller.replay(schedule([], constructor: quiet), invariant("trivial")).isNotViolated)
        let reentering = call("constructor", from: Account.deployer, events: [handover([call("f")])])
        let reason2 = caller.replay(schedule([], constructor: reentering), invariant("trivial")).mismatchReason
        #expect(reason2?.hasPrefix("nothing can re-enter during the constructor") == true)
    }

    @Test func deeplyNestedReentryIsCut() throws {
        var inner = call("deposit", from: Account.attacker)
        for _ in 0..<100 { inner = call("withdraw", from: Account.attacker, events: [handover([inner])]) }
        let reason = try mismatch(schedule([inner]))
        #expect(reason?.contains("nested more than") == true)
    }
}
