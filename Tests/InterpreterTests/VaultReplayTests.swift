import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// The vault of LANGUAGE.md §8 and its fix, under the classic re-entrancy schedule.
@Suite struct VaultReplayTests {
    static let vault = """
        contract Vault {
            mapping(address => uint) balances;

            invariant solvent: balance >= sum(balances);

            function deposit() public payable {
                balances[msg.sender] += msg.value;
            }

            function withdraw() public {
                uint amount = balances[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
                balances[msg.sender] = 0;
            }
        }
        """

    static let fixedVault = """
        contract Vault {
            mapping(address => uint) balances;

            invariant solvent: balance >= sum(balances);

            function deposit() public payable {
                balances[msg.sender] += msg.value;
            }

            function withdraw() public {
                uint amount = balances[msg.sender];
                balances[msg.sender] = 0;
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
            }
        }
        """

    /// user1 deposits 1; the attacker deposits `attackerDeposit` and withdraws, re-entering
    /// withdraw once (when `reenter`) during the handover.
    static func classic(attackerDeposit: BigInt = 1, reenter: Bool = true) -> Schedule {
        let reentrant = call("withdraw", from: Account.attacker, events: [handover()])
        return schedule([
            call("deposit", from: Account.user1, value: 1),
            call("deposit", from: Account.attacker, value: attackerDeposit),
            call("withdraw", from: Account.attacker, events: [handover(reenter ? [reentrant] : [])]),
        ])
    }

    @Test func classicReentrancyBreaksSolvency() throws {
        let fixture = try Fixture(Self.vault)
        let result = fixture.replay(Self.classic(), invariant("solvent"))
        #expect(result.isViolated)
        let trace = try #require(result.trace)
        #expect(trace.part("balance") == .int(0))
        #expect(trace.part("sum(balances)") == .int(1))
        #expect(trace.failureLine == 4)
        #expect(trace.steps.map(\.function) == ["constructor", "deposit", "deposit", "withdraw"])
        let withdraw = try #require(trace.steps.last)
        #expect(withdraw.line == 10)
        let handoverRecord = try #require(withdraw.externalCalls.first)
        #expect(handoverRecord.kind == "call")
        #expect(handoverRecord.value == 1)
        #expect(handoverRecord.line == 12)
        #expect(handoverRecord.outcome == "true")
        #expect(handoverRecord.calls.map(\.kind) == [.reentrantCall])
        #expect(handoverRecord.calls.first?.changes.contains { $0.path == [.variable("balance")] } == true)
        // The attacker's entry is zeroed and the contract's ether is gone.
        #expect(
            withdraw.changes.contains(
                StateChange(
                    path: [.variable("balances"), .key(.address(Account.attacker))], old: .int(1), new: .int(0))))
        #expect(withdraw.changes.contains(StateChange(path: [.variable("balance")], old: .int(2), new: .int(0))))
    }

    @Test func withoutTheReentrantCallSolvencyHolds() throws {
        let result = try Fixture(Self.vault).replay(Self.classic(reenter: false), invariant("solvent"))
        #expect(result.isNotViolated)
        #expect(result.trace?.steps.count == 4)
    }

    @Test func aZeroDepositCannotDrainAnything() throws {
        let result = try Fixture(Self.vault).replay(Self.classic(attackerDeposit: 0), invariant("solvent"))
        #expect(result.isNotViolated)
    }

    @Test func theFixedVaultStaysSolvent() throws {
        let result = try Fixture(Self.fixedVault).replay(Self.classic(), invariant("solvent"))
        #expect(result.isNotViolated)
    }

    @Test func theSpecFormGivesTheSameResult() throws {
        let sol = Self.vault.replacingOccurrences(of: "invariant solvent: balance >= sum(balances);", with: "")
        let spec = "spec Vault { invariant solvent: balance >= sum(balances); }"
        let fixture = try Fixture([("vault.sol", sol), ("vault.spec", spec)])
        let result = fixture.replay(Self.classic(), invariant("solvent"))
        #expect(result.isViolated)
        #expect(result.trace?.part("balance") == .int(0))
    }

    @Test func laterTransactionsAreDropped() throws {
        var s = Self.classic()
        s.transactions.append(transaction(call("deposit", from: Account.user1, value: 5)))
        let result = try Fixture(Self.vault).replay(s, invariant("solvent"))
        #expect(result.isViolated)
        #expect(result.trace?.steps.count == 4)
    }
}
