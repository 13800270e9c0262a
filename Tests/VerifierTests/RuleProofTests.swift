import Testing
import VigilLowering
import VigilSema
import VigilTrace
import VigilVerifier
import Z3Backend

/// Rules judged by the unbounded engine: from every committed state, under re-entry of any depth.
@Suite struct RuleProofTests {
    /// A vault whose `withdraw` hands over control; its rules need facts that hold only in
    /// reachable states (`balance >= total`), not in an arbitrary one.
    static let vault = """
        contract Vault {
            mapping(address => uint) balances;
            uint total;
            function deposit() public payable {
                balances[msg.sender] += msg.value;
                total += msg.value;
            }
            function withdraw() public {
                uint amount = balances[msg.sender];
                balances[msg.sender] = 0;
                total -= amount;
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
            }
            rule withdrawKeepsCover(address a) {
                call withdraw() from a;
                assert(balance >= total);
            }
            rule anyCallKeepsCover(address a) {
                call any from a;
                assert(balance >= total);
            }
            rule overdraw(address a) {
                call withdraw() from a;
                satisfy(balance < total);
            }
            rule tautology(address a) {
                call withdraw() from a;
                assert(balances[a] == balances[a]);
            }
            rule contradictory(address a) {
                assume(a == address(0) && a != address(0));
                call withdraw() from a;
                assert(balance >= total);
            }
        }
        contract LateVault {
            mapping(address => uint) balances;
            function deposit() public payable { balances[msg.sender] += msg.value; }
            function withdraw() public {
                uint amount = balances[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
                balances[msg.sender] = 0;
            }
            rule withdrawKeepsCover(address a) {
                call withdraw() from a;
                assert(balance >= sum(balances));
            }
        }
        """

    /// Every result of contract `name` by name, each (contract, engine) checked once; one
    /// re-entrant call per handover keeps the bounded engine quick.
    static let checked: [String: [String: PropertyResult]] = {
        guard let model = analyzeVigil(vault) else { return [:] }
        var all: [String: [String: PropertyResult]] = [:]
        for contract in model.contracts {
            for engine in Engine.allCases {
                let options = CheckOptions(bounds: Bounds(depth: 3, reentrancy: 1, reentrantCalls: 1), engine: engine)
                let results = ModelChecker(solverFactory: Z3SolverFactory(), options: options)
                    .check(model: model, contract: contract)
                all["\(contract.name) \(engine)"] = Dictionary(
                    uniqueKeysWithValues: results.map { ($0.property.name, $0) })
            }
        }
        return all
    }()

    func results(_ name: String, engine: Engine) throws -> [String: PropertyResult] {
        try #require(Self.checked["\(name) \(engine)"])
    }

    @Test func aRuleThatNeedsTheReachableStatesIsProved() throws {
        // The bounded engine alone finds nothing (or runs out of budget): it never proves.
        let bounded = try #require(try results("Vault", engine: .bmc)["withdrawKeepsCover"])
        #expect([.holds, .unknown].contains(bounded.verdict) && bounded.certificate == nil)
        for engine in [Engine.auto, .prove] {
            let r = try #require(try results("Vault", engine: engine)["withdrawKeepsCover"])
            #expect(r.verdict == .proved, "\(engine): \(r.reason ?? "")")
            #expect(r.certificate?.contains("total") == true)
            #expect(r.assumptions.allSatisfy { !$0.hasPrefix("bounds") })
        }
    }

    @Test func eachFunctionOfACallAnyRuleIsProved() throws {
        let all = try results("Vault", engine: .auto)
        #expect(all["anyCallKeepsCover[deposit]"]?.verdict == .proved)
        #expect(all["anyCallKeepsCover[withdraw]"]?.verdict == .proved)
    }

    @Test func aSatisfyRuleNothingSatisfiesIsUnsatisfiableForGood() throws {
        // The bounded engine runs out of budget on it (or finds nothing within its bounds).
        let bounded = try #require(try results("Vault", engine: .bmc)["overdraw"])
        #expect([.unsatisfiable, .unknown].contains(bounded.verdict) && bounded.certificate == nil)
        let r = try #require(try results("Vault", engine: .auto)["overdraw"])
        #expect(r.verdict == .unsatisfiable)
        #expect(r.certificate != nil)
        #expect(r.reason?.contains("any reachable state") == true)
    }

    @Test func aProvedRuleKeepsItsSanityWarning() throws {
        let r = try #require(try results("Vault", engine: .auto)["tautology"])
        #expect(r.verdict == .proved)
        #expect(r.warnings.contains { $0.contains("checks nothing the code does") })
    }

    @Test func aRuleNoExecutionGetsToStaysVacuous() throws {
        #expect(try results("Vault", engine: .auto)["contradictory"]?.verdict == .vacuous)
        // Alone, the unbounded engine sees that not even an arbitrary state gets to the assert.
        let alone = try #require(try results("Vault", engine: .prove)["contradictory"])
        #expect(alone.verdict == .vacuous && alone.certificate == nil)
    }

    @Test func aRuleBrokenByReentryIsNeverProved() throws {
        #expect(try results("LateVault", engine: .auto)["withdrawKeepsCover"]?.verdict == .violated)
        #expect(try results("LateVault", engine: .prove)["withdrawKeepsCover"]?.verdict == .unknown)
    }
}
