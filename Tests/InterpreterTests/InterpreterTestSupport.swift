import BigInt
import Testing
import VigilBasics
import VigilInterpreter
import VigilSema
import VigilSyntax
import VigilTrace

/// Addresses used by the schedules of these tests.
enum Account {
    static let contract: BigInt = 0xC0DE
    static let deployer: BigInt = 0xD0
    static let user1: BigInt = 0xA1
    static let attacker: BigInt = 0xBAD
}

/// Why a source could not be turned into an interpreter.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// A contract of an in-memory source, parsed and analysed, ready to replay.
struct Fixture {
    let model: SemanticModel
    let contract: ContractInfo
    var interpreter: Interpreter { Interpreter(model: model, contract: contract) }

    /// Parses and analyses `files` (path and text); the contract is the first one, or `name`.
    init(_ files: [(path: String, text: String)], contract name: String? = nil) throws {
        var sources = SourceManager()
        var ids = NodeIDAllocator()
        var units: [SourceUnit] = []
        for file in files {
            let id = sources.add(path: file.path, bytes: Array(file.text.utf8))
            let kind: SourceKind =
                file.path.hasSuffix(".sol") ? .solidity : file.path.hasSuffix(".spec") ? .spec : .vigil
            let (unit, diagnostics) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
            let errors = diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty { throw FixtureError(description: "syntax: \(errors.map(\.message))") }
            units.append(unit)
        }
        let (model, diagnostics) = SemanticAnalyzer.analyze(units: units, sources: sources)
        guard let model else {
            throw FixtureError(description: "sema: \(diagnostics.filter { $0.severity == .error }.map(\.message))")
        }
        guard let contract = name.map({ model.contract(named: $0) }) ?? model.contracts.first else {
            throw FixtureError(description: "no contract")
        }
        self.model = model
        self.contract = contract
    }

    /// One `.vigil` source.
    init(_ text: String, contract name: String? = nil) throws {
        try self.init([("test.vigil", text)], contract: name)
    }

    func replay(_ schedule: Schedule, _ property: PropertyReference, trusted: Bool = true) -> ReplayResult {
        interpreter.replay(schedule, property: property, trusted: trusted)
    }

    /// The name of the only `ensures` of `function`.
    func ensuresName(of function: String) -> String? {
        contract.ensures.first { $0.function == function }?.name
    }

    /// The name of the only assert.
    var assertName: String? { contract.asserts.first?.name }
}

// MARK: - Building schedules

func call(
    _ function: String, _ arguments: [BigInt] = [], from sender: BigInt = Account.user1, value: BigInt = 0,
    events: [ExternalEvent] = []
) -> Invocation {
    Invocation(function: function, arguments: arguments, sender: sender, value: value, events: events)
}

func transaction(_ call: Invocation, forcedEther: BigInt = 0, at time: BigInt = 100, block: BigInt = 10) -> Transaction
{
    Transaction(forcedEther: forcedEther, timestamp: time, blockNumber: block, call: call)
}

func schedule(
    _ calls: [Invocation], constructor: Invocation = call("constructor", from: Account.deployer),
    initialBalance: BigInt = 0
) -> Schedule {
    Schedule(
        thisAddress: Account.contract, initialBalance: initialBalance, constructor: constructor,
        transactions: calls.map { transaction($0) })
}

/// A handover in which the environment makes `calls`.
func handover(_ calls: [Invocation] = [], success: Bool = true, returned: BigInt? = nil, forcedEther: BigInt = 0)
    -> ExternalEvent
{
    .handover(Handover(forcedEther: forcedEther, calls: calls, success: success, returned: returned.map { [$0] }))
}

func invariant(_ name: String) -> PropertyReference { PropertyReference(kind: .invariant, name: name) }

// MARK: - Reading results

extension ReplayResult {
    var trace: Trace? {
        switch self {
        case .violated(let t), .notViolated(let t): t
        case .mismatch, .unconfirmable: nil
        }
    }

    var isViolated: Bool {
        if case .violated = self { return true }
        return false
    }

    var isNotViolated: Bool {
        if case .notViolated = self { return true }
        return false
    }

    var mismatchReason: String? {
        if case .mismatch(let reason) = self { return reason }
        return nil
    }

    var isUnconfirmable: Bool {
        if case .unconfirmable = self { return true }
        return false
    }
}

extension Trace {
    /// The value of the part named `name`.
    func part(_ name: String) -> TraceValue? { parts.first { $0.name == name }?.value }
}

extension Fixture {
    /// Deploys and runs one transaction; the step of that transaction (judging invariant `trivial`).
    func step(_ function: String, _ arguments: [BigInt] = [], value: BigInt = 0) -> TraceStep? {
        let result = replay(
            schedule([call(function, arguments, from: Account.user1, value: value)]), invariant("trivial"))
        return result.trace?.steps.last
    }
}
