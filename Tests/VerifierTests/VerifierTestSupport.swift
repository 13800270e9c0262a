import VigilBasics
import VigilSema
import VigilSyntax

/// Parses and analyses one in-memory `.vigil` file; nil when it has errors.
func analyzeVigil(_ text: String) -> SemanticModel? {
    var sources = SourceManager()
    let id = sources.add(path: "test.vigil", bytes: Array(text.utf8))
    var ids = NodeIDAllocator()
    let (unit, parse) = Parser.parse(file: sources[id], kind: .vigil, ids: &ids)
    guard !parse.contains(where: { $0.severity == .error }) else { return nil }
    return SemanticAnalyzer.analyze(units: [unit], sources: sources).model
}

/// A small deterministic random generator (SplitMix64), so every run draws the same samples.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let vulnerableVault = """
    contract Vault {
        mapping(address => uint) balances;
        invariant solvent: balance >= sum(balances);
        function deposit() public payable { balances[msg.sender] += msg.value; }
        function withdraw() public {
            uint amount = balances[msg.sender];
            (bool ok, ) = msg.sender.call{value: amount}("");
            require(ok);
            balances[msg.sender] = 0;
        }
    }
    """

let fixedVault = """
    contract FixedVault {
        mapping(address => uint) balances;
        invariant solvent: balance >= sum(balances);
        function deposit() public payable { balances[msg.sender] += msg.value; }
        function withdraw() public {
            uint amount = balances[msg.sender];
            balances[msg.sender] = 0;
            (bool ok, ) = msg.sender.call{value: amount}("");
            require(ok);
        }
    }
    """

/// Arithmetic, structs, modifiers, loops and sends: a contract whose state is worth comparing.
let arithmeticLedger = """
    contract Ledger {
        struct Account { uint128 credit; bool frozen; }
        mapping(address => Account) accounts;
        uint8 counter;
        int16 drift;
        uint total;
        bool locked;
        invariant watched: total < 7 || counter != 3 || drift > -5;
        modifier lock() { require(!locked); locked = true; _; locked = false; }
        function credit(uint64 amount) public lock {
            Account storage a = accounts[msg.sender];
            require(!a.frozen);
            a.credit += uint128(amount);
            total += amount;
            unchecked { counter += 1; }
        }
        function shift(int8 by, uint8 times) public {
            for (uint8 i = 0; i < times; i++) {
                if (i >= 3) { break; }
                drift = drift - int16(by) / 2;
            }
            if (drift % 3 == -1) { counter = counter ^ 0x0f; }
        }
        function freeze() public {
            accounts[msg.sender].frozen = !accounts[msg.sender].frozen;
        }
        function pay(uint amount) public {
            Account memory a = accounts[msg.sender];
            require(a.credit >= amount);
            accounts[msg.sender].credit = a.credit - uint128(amount);
            total -= amount;
            bool sent = payable(msg.sender).send(amount);
            if (!sent) { total += amount; accounts[msg.sender].credit += uint128(amount); }
        }
    }
    """
