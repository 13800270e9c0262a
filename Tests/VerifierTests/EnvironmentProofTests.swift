import Testing
import VigilLowering
import VigilSema
import VigilVerifier
import Z3Backend

/// The unbounded engine models what the environment may not do: go back in time, change
/// `tx.origin` within a transaction, or re-enter from a `trusted` address. Each pair differs
/// in that one restriction: the first is proved, its twin never is.
@Suite struct EnvironmentProofTests {
    /// A contract whose owner, `trusted` or not, could re-enter `ownerOnly()` during `work()`'s hook.
    static func owner(_ name: String, trusted: Bool) -> String {
        """
        contract \(name) {
            address immutable owner;
            bool busy;
            \(trusted ? "trusted owner;" : "")
            constructor() { owner = msg.sender; }
            function work() public {
                busy = true;
                (bool ok, ) = msg.sender.call("");
                require(ok);
                busy = false;
            }
            function ownerOnly() public {
                require(msg.sender == owner);
                assert(!busy);
            }
        }
        """
    }

    static let source =
        owner("TrustedOwner", trusted: true) + "\n" + owner("UntrustedOwner", trusted: false) + "\n" + """
            contract Checkpoints {
                uint lastSeen;
                function checkpoint() public {
                    assert(lastSeen <= block.timestamp);
                    lastSeen = block.timestamp;
                }
            }
            contract StrictCheckpoints {
                uint lastSeen;
                function checkpoint() public {
                    assert(lastSeen < block.timestamp);
                    lastSeen = block.timestamp;
                }
            }
            contract OriginRecorder {
                address initiator;
                function run(address target) public {
                    initiator = tx.origin;
                    (bool ok, ) = target.call("");
                    require(ok);
                    assert(initiator == tx.origin);
                }
            }
            contract SenderRecorder {
                address initiator;
                function run(address target) public {
                    initiator = msg.sender;
                    (bool ok, ) = target.call("");
                    require(ok);
                    assert(initiator == msg.sender);
                }
            }
            """

    func result(_ name: String) throws -> PropertyResult {
        let model = try #require(analyzeVigil(Self.source))
        let contract = try #require(model.contract(named: name))
        let results = ModelChecker(solverFactory: Z3SolverFactory(), options: CheckOptions(engine: .prove))
            .check(model: model, contract: contract)
        return try #require(results.first)
    }

    @Test func blockTimeNeverGoesBackwards() throws {
        let r = try result("Checkpoints")
        #expect(r.verdict == .proved)
        #expect(r.certificate?.contains("block.timestamp") == true)
        #expect(try result("StrictCheckpoints").verdict == .violated)
    }

    @Test func originIsFixedWithinATransaction() throws {
        #expect(try result("OriginRecorder").verdict == .proved)
        #expect(try result("SenderRecorder").verdict == .violated)
    }

    @Test func aTrustedAddressNeverReentersAndTheProofSaysSo() throws {
        let r = try result("TrustedOwner")
        #expect(r.verdict == .proved)
        #expect(r.assumptions.contains("trusted: owner"))
        #expect(try result("UntrustedOwner").verdict == .violated)
    }
}
