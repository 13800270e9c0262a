import BigInt
import SMT
import Testing
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace
import Z3Backend

@testable import VigilVerifier

/// The encoder and the interpreter are two independent readings of the language. On many
/// random choice sequences (functions, arguments, values, re-entrant calls, call results),
/// pinned in the solver, both must agree on whether the invariant fails at the end.
@Suite struct DifferentialTests {
    struct Agreement {
        var samples = 0
        var violated = 0
    }

    func compare(_ source: String, contract name: String, depth: Int, samples: Int, seed: UInt64) throws -> Agreement {
        let model = try #require(analyzeVigil(source))
        let contract = try #require(model.contract(named: name))
        let invariant = try #require(contract.invariants.first)
        let encoding = ContractEncoding(
            model: model, contract: contract, bounds: Bounds(depth: depth, reentrancy: 1, reentrantCalls: 1, loops: 4))
        let solver = try Z3SolverFactory().makeSolver(options: SolverOptions(rlimit: 50_000_000))
        encoding.encodeDeployment()
        for _ in 0..<depth { encoding.encodeTransaction() }
        let violation = encoding.invariantViolation(invariant).violation
        for c in encoding.takeConstraints() { try solver.assert(c) }
        let interpreter = Interpreter(model: model, contract: contract)
        var rng = SeededGenerator(seed: seed)
        var agreement = Agreement()
        for sample in 0..<samples {
            var pins: [Term] = []
            for record in encoding.transactions.dropFirst() {
                pins.append(Term.eq(record.selector, .int(Int.random(in: 0..<record.candidates.count, using: &rng))))
            }
            for amount in encoding.amountChoices {
                pins.append(Term.le(amount, .int(Int.random(in: 0...6, using: &rng))))
            }
            for choice in encoding.reentryChoices where Bool.random(using: &rng) { pins.append(Term.not(choice)) }
            let literal = Term.constant("sample!\(sample)", .bool)
            try solver.assert(Term.implies(literal, Term.and(pins)))
            guard try solver.check(assumptions: [literal]) == .sat else { continue }
            let solverModel = try solver.model()
            let encoderSays = try solverModel.evaluate(violation) == .bool(true)
            let schedule = try ScheduleExtractor(model: solverModel, encoding: encoding).schedule(depth: depth)
            let replay = interpreter.replay(
                schedule, property: PropertyReference(kind: .invariant, name: invariant.name))
            switch replay {
            case .violated:
                #expect(encoderSays, "sample \(sample): only the interpreter sees a violation\n\(schedule)")
                agreement.violated += 1
            case .notViolated:
                #expect(!encoderSays, "sample \(sample): only the encoder sees a violation\n\(schedule)")
            case .mismatch(let why), .unconfirmable(let why):
                Issue.record("sample \(sample): the schedule does not replay: \(why)\n\(schedule)")
            }
            agreement.samples += 1
        }
        return agreement
    }

    @Test func vulnerableVaultAgrees() throws {
        let a = try compare(vulnerableVault, contract: "Vault", depth: 3, samples: 40, seed: 1)
        #expect(a.samples >= 20)
    }

    @Test func fixedVaultAgrees() throws {
        let a = try compare(fixedVault, contract: "FixedVault", depth: 3, samples: 40, seed: 2)
        #expect(a.samples >= 20)
        #expect(a.violated == 0)
    }

    @Test func arithmeticLedgerAgrees() throws {
        let a = try compare(arithmeticLedger, contract: "Ledger", depth: 4, samples: 40, seed: 3)
        #expect(a.samples >= 20)
    }
}
