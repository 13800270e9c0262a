import Testing
import VigilLowering
import VigilSema
import VigilTrace
import VigilVerifier
import Z3Backend

/// The unbounded engine: proofs with checked certificates, and nothing proved that is false.
@Suite struct ProofTests {
    /// Every result of contract `name` at depth 2, in source order.
    func results(_ source: String, _ name: String, engine: Engine) throws -> [PropertyResult] {
        let model = try #require(analyzeVigil(source))
        let contract = try #require(model.contract(named: name))
        return ModelChecker(
            solverFactory: Z3SolverFactory(), options: CheckOptions(bounds: Bounds(depth: 2), engine: engine)
        ).check(model: model, contract: contract)
    }

    func check(_ source: String, _ name: String, engine: Engine) throws -> PropertyResult {
        try #require(try results(source, name, engine: engine).first)
    }

    @Test func theFixedVaultIsProvedWithAReadableInvariant() throws {
        let r = try check(fixedVault, "FixedVault", engine: .prove)
        #expect(r.verdict == .proved)
        let certificate = try #require(r.certificate)
        #expect(certificate.contains("balance") && certificate.contains("sum(balances)"))
        #expect(r.assumptions.allSatisfy { !$0.hasPrefix("bounds") })
    }

    @Test func theVulnerableVaultIsNeverProved() throws {
        let proveOnly = try check(vulnerableVault, "Vault", engine: .prove)
        #expect(proveOnly.verdict == .unknown)
        #expect(try check(vulnerableVault, "Vault", engine: .auto).verdict == .violated)
    }

    @Test func autoProvesWhatTheBoundedEngineOnlyHolds() throws {
        #expect(try check(fixedVault, "FixedVault", engine: .bmc).verdict == .holds)
        #expect(try check(fixedVault, "FixedVault", engine: .auto).verdict == .proved)
    }

    static let stepper = """
        contract Stepper {
            uint x;
            function step() public {
                uint before = x;
                (bool ok, ) = msg.sender.call("");
                require(ok);
                assert(x == before);
            }
            function bump() public { x += 1; }
        }
        contract FrozenStepper {
            uint x;
            uint y;
            function step() public {
                uint before = y;
                (bool ok, ) = msg.sender.call("");
                require(ok);
                assert(y == before);
            }
            function bump() public { x += 1; }
        }
        """

    @Test func anAssertBrokenByReentryIsNeverProvedAndOneNoReentryBreaksIs() throws {
        #expect(try check(Self.stepper, "Stepper", engine: .prove).verdict == .violated)
        #expect(try check(Self.stepper, "Stepper", engine: .auto).verdict == .violated)
        #expect(try check(Self.stepper, "FrozenStepper", engine: .prove).verdict == .proved)
    }

    /// The vault of examples/vault_lock.vigil and the raffle of reentrant_two_calls_closed.vigil.
    static let locked = """
        contract LockedVault {
            mapping(address => uint) balances;
            uint private status = 1;
            invariant solvent: balance >= sum(balances);
            modifier nonReentrant() { require(status == 1); status = 2; _; status = 1; }
            function deposit() public payable { balances[msg.sender] += msg.value; }
            function withdraw() public nonReentrant {
                uint amount = balances[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
                balances[msg.sender] = 0;
            }
        }
        contract ClosedRaffle {
            uint public sold;
            bool drawing;
            function buy() public payable { require(!drawing); sold += 1; }
            function draw(address winner) public {
                require(!drawing);
                drawing = true;
                uint before = sold;
                (bool ok, ) = winner.call("");
                require(ok);
                assert(sold == before);
                drawing = false;
            }
        }
        """

    /// Their twins, whose lock anyone can open.
    static let opened = locked.replacingOccurrences(
        of: "function deposit()", with: "function unlock() public { status = 1; }\n    function deposit()"
    ).replacingOccurrences(
        of: "function buy()", with: "function reopen() public { drawing = false; }\n    function buy()")

    @Test func aLockHeldWhileControlIsOutIsProvedAndOneAnyoneOpensIsNot() throws {
        // Each proof needs a fact about every handover made with the lock held (per key:
        // `status == 2 ==> forall k: balances[k] never shrinks`), which Spacer alone did not find.
        let vault = try check(Self.locked, "LockedVault", engine: .prove)
        #expect(vault.verdict == .proved)
        #expect(vault.certificate?.contains("sum(balances)") == true)
        #expect(try check(Self.locked, "ClosedRaffle", engine: .prove).verdict == .proved)
        #expect(Self.opened.contains("function unlock()") && Self.opened.contains("function reopen()"))
        #expect(try check(Self.opened, "LockedVault", engine: .prove).verdict != .proved)
        #expect(try check(Self.opened, "ClosedRaffle", engine: .prove).verdict != .proved)
        #expect(try check(Self.opened, "ClosedRaffle", engine: .auto).verdict == .violated)
    }

    /// A per-key fact between two mappings (one a literal times the other at every key) that
    /// the invariant needs: found by the templates, shown in the certificate; its twin whose
    /// deposit credits one mapping only is not proved.
    @Test func aPerKeyFactBetweenTwoMappingsIsFoundAndShown() throws {
        let lending = """
            contract Lending {
                uint constant PRICE = 2000;
                mapping(address => uint) collateral;
                mapping(address => uint) value;
                mapping(address => uint) debt;
                invariant covered: forall address a: debt[a] <= value[a];
                function deposit() public payable {
                    collateral[msg.sender] += msg.value;
                    value[msg.sender] += msg.value * PRICE;
                }
                function borrow(uint amount) public {
                    require(debt[msg.sender] + amount <= collateral[msg.sender] * PRICE);
                    debt[msg.sender] += amount;
                }
            }
            """
        let proved = try check(lending, "Lending", engine: .prove)
        #expect(proved.verdict == .proved)
        #expect(proved.certificate?.contains("(forall k: value[k] == 2000 * collateral[k])") == true)
        let forgetful = lending.replacingOccurrences(of: "value[msg.sender] += msg.value * PRICE;", with: "")
        #expect(try check(forgetful, "Lending", engine: .prove).verdict != .proved)
        #expect(try check(forgetful, "Lending", engine: .auto).verdict == .violated)
    }

    @Test func anInvariantThatIsFalseForLongSequencesIsNotProved() throws {
        // Violated only after 12 increments: beyond the bounded engine's depth, never proved.
        let counter = """
            contract Counter {
                uint n;
                invariant small: n < 12;
                function bump() public { n += 1; }
            }
            """
        let r = try check(counter, "Counter", engine: .auto)
        #expect(r.verdict == .holds)
    }

    static let shareLedger = """
        contract Ledger {
            mapping(address => uint) shares;
            uint total;
            invariant bounded: forall address a: shares[a] <= total;
            invariant someone: exists address a: shares[a] == total;
            function add(uint v) public { shares[msg.sender] += v; total += v; }
            function remove(uint v) public { shares[msg.sender] -= v; total -= v; }
        }
        """

    @Test func aForallInvariantIsProvedWithAnInvariantOverTheState() throws {
        let r = try check(Self.shareLedger, "Ledger", engine: .prove)
        #expect(r.property.name == "bounded")
        #expect(r.verdict == .proved)
        #expect(r.certificate?.contains("sum(shares)") == true)
    }

    @Test func anExistsInvariantIsLeftToTheBoundedEngine() throws {
        let someone = try #require(
            try results(Self.shareLedger, "Ledger", engine: .prove).first { $0.property.name == "someone" })
        #expect(someone.verdict == .unknown)
        #expect(someone.reason?.contains("exists") == true)
    }

    static let pureMath = """
        contract PureMath {
            uint total;
            function add(uint v) public { total += v; }
            function half(uint x) public pure returns (uint) {
                uint h = x / 2;
                assert(h <= x);
                return h;
            }
            function wrong(uint8 x) public pure returns (uint8) {
                assert(x != 200);
                return x;
            }
            function count(uint n) public pure returns (uint c) {
                for (uint i = 0; i < n; i++) { c += 1; }
                assert(c == n);
            }
        }
        """

    @Test func aPureFunctionsAssertIsProvedForEveryArgument() throws {
        func verdicts(_ engine: Engine) throws -> [String: Verdict] {
            Dictionary(
                uniqueKeysWithValues: try results(Self.pureMath, "PureMath", engine: engine).map {
                    ($0.property.name, $0.verdict)
                })
        }
        let auto = try verdicts(.auto)
        #expect(auto["assert@6"] == .proved)
        #expect(auto["assert@10"] == .violated)
        // The loop may run past the bound: the one-call check cannot prove it (bmc: unknown),
        // the loop's own relation in the Horn clauses can.
        #expect(auto["assert@15"] == .proved)
        let bounded = try verdicts(.bmc)
        #expect(bounded["assert@6"] == .holds)
        #expect(bounded["assert@15"] == .unknown)
    }

    static let scaled = """
        contract Scaled {
            uint scaled;
            function deposit() public payable {
                scaled = address(this).balance * 4;
                assert(scaled / 4 == address(this).balance);
            }
        }
        contract Misscaled {
            uint scaled;
            function deposit() public payable {
                scaled = address(this).balance * 4;
                assert(scaled / 8 == address(this).balance);
            }
        }
        """

    /// With `--engine prove` alone, a failure Spacer derives is reported only with a trace that
    /// the bounded engine found and the interpreter replayed.
    @Test func aDerivedFailureIsReportedWithAReplayedTrace() throws {
        let r = try check(Self.scaled, "Misscaled", engine: .prove)
        #expect(r.verdict == .violated && r.trace != nil)
    }

    /// Division by a literal becomes linear arithmetic for Spacer: proved, and its twin never is.
    @Test func divisionByALiteralIsProved() throws {
        #expect(try check(Self.scaled, "Scaled", engine: .prove).verdict == .proved)
        #expect(try check(Self.scaled, "Misscaled", engine: .prove).verdict == .violated)
        #expect(try check(Self.scaled, "Misscaled", engine: .auto).verdict == .violated)
    }

    /// A pool whose `withdraw` takes `first` off before its hook and `last` after it.
    static func pool(_ name: String, first: String, last: String) -> String {
        """
        contract \(name) {
            uint shares;
            uint assets;
            function deposit() public payable {
                shares += msg.value;
                assets += msg.value;
            }
            function withdraw(uint n) public {
                require(n <= shares);
                \(first) -= n;
                (bool ok, ) = msg.sender.call("");
                require(ok);
                \(last) -= n;
            }
            function backed() public view returns (bool) {
                assert(assets >= shares);
                return true;
            }
        }
        """
    }

    static let pools =
        pool("Pool", first: "shares", last: "assets") + "\n" + pool("EarlyPool", first: "assets", last: "shares")

    /// A `view` function's assert is judged in every committed state and in every state a
    /// handover can reach: proved for `Pool`, never for `EarlyPool`, whose hook sees the assets
    /// gone before the shares (read-only re-entrancy).
    @Test func aViewFunctionsAssertIsProvedUnlessAHookCanBreakIt() throws {
        #expect(try check(Self.pools, "Pool", engine: .prove).verdict == .proved)
        #expect(try check(Self.pools, "EarlyPool", engine: .prove).verdict == .violated)
        #expect(try check(Self.pools, "EarlyPool", engine: .auto).verdict == .violated)
    }

    /// A loop that breaks out once `x` passes 10, then asserts that `x` passes `bound`.
    static func spin(_ name: String, bound: Int) -> String {
        """
        contract \(name) {
            uint x;
            function spin() public {
                while (true) {
                    x += 1;
                    if (x > 10) { break; }
                }
                assert(x > \(bound));
            }
        }
        """
    }

    static let loops =
        spin("Spin", bound: 10) + "\n" + spin("OverSpin", bound: 11) + "\n" + """
            contract Payroll {
                mapping(address => uint) owed;
                uint total;
                invariant tracked: total == sum(owed);
                function credit(address a, uint n, uint times) public {
                    for (uint i = 0; i < times; i++) {
                        owed[a] += n;
                        total += n;
                    }
                }
            }
            contract BadPayroll {
                mapping(address => uint) owed;
                uint total;
                invariant tracked: total == sum(owed);
                function credit(address a, uint n, uint times) public {
                    for (uint i = 0; i < times; i++) {
                        owed[a] += n;
                        if (i < 5) { total += n; }
                    }
                }
            }
            contract Payouts {
                mapping(address => uint) credit;
                invariant solvent: balance >= sum(credit);
                function deposit() public payable { credit[msg.sender] += msg.value; }
                function payAll(uint rounds) public {
                    for (uint i = 0; i < rounds; i++) {
                        uint amount = credit[msg.sender];
                        credit[msg.sender] = 0;
                        (bool ok, ) = msg.sender.call{value: amount}("");
                        require(ok);
                    }
                }
            }
            contract Finder {
                function first(uint n) public pure returns (uint r)
                    ensures result <= 7
                {
                    for (uint i = 0; i < n; i++) {
                        if (i == 7) { return i; }
                    }
                    r = n > 7 ? 7 : n;
                }
                function firstWrong(uint n) public pure returns (uint r)
                    ensures result <= 6
                {
                    for (uint i = 0; i < n; i++) {
                        if (i == 7) { return i; }
                    }
                    r = 0;
                }
            }
            contract Repeat {
                uint x;
                uint y;
                invariant same: x == y;
                modifier times(uint n) {
                    for (uint i = 0; i < n; i++) { _; }
                }
                function bump(uint n) public times(n) { x += 1; y += 1; }
            }
            """

    /// A loop is a relation of its own in the Horn clauses: proved for any number of
    /// iterations (a handover inside the loop too, a `break` or a `return`); the twins broken
    /// only at the sixth iteration, by one more step or by the value returned are never
    /// proved, and a loop around a modifier's `_;` is left to the bounded engine.
    @Test func loopsAreProvedWithoutAnIterationBound() throws {
        #expect(try check(Self.loops, "Payroll", engine: .bmc).verdict == .unknown)
        #expect(try check(Self.loops, "Payroll", engine: .prove).verdict == .proved)
        #expect(try check(Self.loops, "Payouts", engine: .prove).verdict == .proved)
        #expect(try check(Self.loops, "BadPayroll", engine: .prove).verdict == .unknown)
        #expect(try check(Self.loops, "Spin", engine: .prove).verdict == .proved)
        #expect(try check(Self.loops, "OverSpin", engine: .prove).verdict == .unknown)
        let finder = try results(Self.loops, "Finder", engine: .prove).map(\.verdict)
        #expect(finder == [.proved, .unknown])
        let repeated = try check(Self.loops, "Repeat", engine: .prove)
        #expect(repeated.verdict == .unknown && repeated.reason?.contains("modifier") == true)
    }
}
