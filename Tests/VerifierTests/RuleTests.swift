import BigInt
import Testing
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace
import VigilVerifier
import Z3Backend

@Suite struct RuleTests {
    static let token = """
        contract Token {
            mapping(address => uint) balanceOf;
            address admin;
            constructor() { admin = msg.sender; balanceOf[msg.sender] = 1000; }
            function transfer(address to, uint amount) public {
                balanceOf[msg.sender] -= amount;
                balanceOf[to] += amount;
            }
            function skim(address to, uint amount) public {
                balanceOf[msg.sender] -= amount;
                balanceOf[to] += amount - 1;
            }
            function setAdmin(address a) public { admin = a; }
            function guarded(address a) public { require(msg.sender == admin); admin = a; }

            rule transferMoves(address from, address to, uint amount) {
                assume(from != to);
                uint before = balanceOf[to];
                call transfer(to, amount) from from;
                assert(balanceOf[to] == before + amount);
            }
            rule skimMoves(address from, address to, uint amount) {
                assume(from != to);
                uint before = balanceOf[to];
                call skim(to, amount) from from;
                assert(balanceOf[to] == before + amount);
            }
            rule reachesHalf(address from, address to) {
                assume(from != to);
                call transfer(to, 500) from from;
                satisfy(balanceOf[to] == 500);
            }
            rule overdraws(address from, address to, uint amount) {
                uint before = balanceOf[from];
                call transfer(to, amount) from from;
                satisfy(amount > before);
            }
            rule contradiction(uint x) {
                assume(x > 10);
                assume(x < 5);
                call transfer(admin, x);
                assert(balanceOf[admin] == 0);
            }
            rule tautology(address to, uint amount) {
                call transfer(to, amount);
                assert(balanceOf[to] == balanceOf[to]);
            }
            rule overdrawReverts(address from, uint amount) {
                assume(amount > balanceOf[from]);
                try call transfer(from, amount) from from;
                assert(reverted);
            }
            rule onlyAdminMovesAdmin(address s) {
                address old = admin;
                call any from s;
                assert(admin == old || s == old);
            }
        }
        """

    static let results: [String: PropertyResult] = {
        guard let model = analyzeVigil(token), let contract = model.contract(named: "Token") else { return [:] }
        // The bounded engine's verdicts (RuleProofTests has the unbounded engine's).
        let checker = ModelChecker(
            solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: Bounds(depth: 2), engine: .bmc))
        return Dictionary(
            checker.check(model: model, contract: contract).map { ($0.property.name, $0) },
            uniquingKeysWith: { a, _ in a })
    }()

    func result(_ name: String) throws -> PropertyResult {
        try #require(Self.results[name], "no result for \(name); got \(Self.results.keys.sorted())")
    }

    @Test func aCorrectTransferRuleHolds() throws {
        let r = try result("transferMoves")
        #expect(r.verdict == .holds)
        #expect(r.warnings.isEmpty)
    }

    @Test func aWrongTransferIsViolatedWithTheRulesCallMarked() throws {
        let r = try result("skimMoves")
        #expect(r.verdict == .violated)
        let trace = try #require(r.trace)
        let ruleSteps = trace.steps.filter(\.isRuleCall)
        #expect(ruleSteps.map(\.function) == ["skim"])
        #expect(trace.ruleInputs.map(\.name) == ["from", "to", "amount"])
        #expect(!trace.parts.isEmpty)
    }

    @Test func aSatisfyRuleHasAWitness() throws {
        let r = try result("reachesHalf")
        #expect(r.verdict == .satisfied)
        let trace = try #require(r.trace)
        #expect(trace.steps.contains { $0.isRuleCall && $0.function == "transfer" && $0.revertReason == nil })
    }

    @Test func anImpossibleSatisfyIsUnsatisfiable() throws {
        let r = try result("overdraws")
        #expect(r.verdict == .unsatisfiable)
        #expect(r.trace == nil)
    }

    @Test func contradictoryAssumptionsAreVacuous() throws {
        let r = try result("contradiction")
        #expect(r.verdict == .vacuous)
        #expect(r.reason?.contains("assumptions") == true)
    }

    @Test func anAssertThatHoldsWhateverTheCodeDoesIsFlagged() throws {
        let r = try result("tautology")
        #expect(r.verdict == .holds)
        #expect(r.warnings.contains { $0.contains("checks nothing the code does") })
    }

    @Test func tryCallSetsReverted() throws {
        #expect(try result("overdrawReverts").verdict == .holds)
    }

    @Test func callAnyIsReportedPerFunction() throws {
        #expect(try result("onlyAdminMovesAdmin[setAdmin]").verdict == .violated)
        #expect(try result("onlyAdminMovesAdmin[guarded]").verdict == .holds)
        #expect(try result("onlyAdminMovesAdmin[transfer]").verdict == .holds)
        #expect(try result("onlyAdminMovesAdmin[skim]").verdict == .holds)
    }

    @Test func theRuleReplayIsNotCircular() throws {
        let model = try #require(analyzeVigil(Self.token))
        let contract = try #require(model.contract(named: "Token"))
        let rule = try #require(contract.rules.first { $0.name == "skimMoves" })
        let violated = try result("skimMoves")
        let trace = try #require(violated.trace)
        // Rebuild the schedule from the trace's own choices: deployment, then the rule's call.
        let ruleStep = trace.steps.first { $0.isRuleCall }
        let step = try #require(ruleStep)
        func number(_ v: TraceValue) -> BigInt {
            switch v {
            case .int(let x), .address(let x): x
            case .bool(let b): b ? 1 : 0
            default: 0
            }
        }
        let deployer = number(trace.steps[0].sender)
        let inputs = trace.ruleInputs.map { number($0.value) }
        func schedule(amount: BigInt) -> Schedule {
            let call = Invocation(
                function: "skim", arguments: [inputs[1], amount], sender: inputs[0], value: 0, events: [])
            return Schedule(
                thisAddress: trace.thisAddress, initialBalance: 0,
                constructor: Invocation(function: "constructor", arguments: [], sender: deployer, value: 0, events: []),
                transactions: [
                    Transaction(
                        forcedEther: 0, timestamp: step.timestamp ?? 0, blockNumber: step.blockNumber ?? 0, call: call,
                        isRuleCall: true)
                ], ruleInputs: [inputs[0], inputs[1], amount])
        }
        let interpreter = Interpreter(model: model, contract: contract)
        guard case .violated = interpreter.replayRule(schedule(amount: inputs[2]), rule: rule, function: nil) else {
            Issue.record("the rebuilt schedule does not violate the rule")
            return
        }
        // With another amount the call reverts (or the assert holds): never the same finding by construction.
        if case .violated = interpreter.replayRule(schedule(amount: 0), rule: rule, function: nil) {
            Issue.record("skim of 0 cannot give `to` less than it should, yet the replay says violated")
        }
        // A schedule whose rule input disagrees with the call's argument is a mismatch.
        var wrong = schedule(amount: inputs[2])
        wrong.ruleInputs[2] += 1
        guard case .mismatch = interpreter.replayRule(wrong, rule: rule, function: nil) else {
            Issue.record("a schedule that does not fit the rule was accepted")
            return
        }
    }
}
