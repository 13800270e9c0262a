import BigInt
import SMT
import VigilBasics
import VigilInterpreter
import VigilLowering
import VigilSema
import VigilTrace

/// Bounded model checking: one solver per contract, deepened one transaction at a time, so
/// the shortest counterexample comes first and no depth is solved twice. Every `violated`
/// is replayed by the interpreter before it is reported.
public struct BoundedChecker: Sendable {
    public let solverFactory: any SolverFactory
    public let options: CheckOptions

    public init(solverFactory: any SolverFactory, options: CheckOptions) {
        self.solverFactory = solverFactory
        self.options = options
    }

    private struct Pending {
        let reference: PropertyReference
        let range: SourceRange
        let invariant: InvariantInfo?
    }

    /// Checks every property of `contract`; results in source order of the properties.
    public func check(model: SemanticModel, contract: ContractInfo) -> [PropertyResult] {
        let clock = ContinuousClock()
        let started = clock.now
        var pending: [Pending] = contract.invariants.map {
            Pending(reference: PropertyReference(kind: .invariant, name: $0.name), range: $0.range, invariant: $0)
        }
        pending += contract.asserts.map {
            Pending(reference: PropertyReference(kind: .assertion, name: $0.name), range: $0.range, invariant: nil)
        }
        pending += contract.ensures.map {
            Pending(reference: PropertyReference(kind: .ensures, name: $0.name), range: $0.range, invariant: nil)
        }
        var results: [String: PropertyResult] = [:]
        let order = pending.map(\.reference.name) + contract.rules.map(\.name)
        let bounds = options.bounds
        let interpreter = Interpreter(model: model, contract: contract)
        let trustedNote = contract.trusted.map { "trusted: \(model.sources[$0.range.file].text(of: $0.range))" }
        let boundsNote =
            "bounds: depth \(bounds.depth), reentrancy \(bounds.reentrancy), reentrant calls \(bounds.reentrantCalls), loops \(bounds.loops)"

        func elapsed() -> Int {
            let d = clock.now - started
            return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
        }
        func finish(_ p: Pending, _ verdict: Verdict, reason: String?, trace: Trace?, depth: Int, extra: [String] = []) {
            results[p.reference.name] = PropertyResult(
                contract: contract.name, property: p.reference, verdict: verdict, range: p.range, bounds: bounds,
                assumptions: [boundsNote] + trustedNote + extra, reason: reason, trace: trace,
                timeMilliseconds: elapsed(), depthReached: depth)
        }
        for rule in contract.rules {
            results[rule.name] = PropertyResult(
                contract: contract.name, property: PropertyReference(kind: .rule, name: rule.name), verdict: .unknown,
                range: rule.decl.range, bounds: bounds, assumptions: [boundsNote] + trustedNote,
                reason: "rules are not checked yet", trace: nil, timeMilliseconds: 0, depthReached: 0)
        }

        do {
            let solver = try solverFactory.makeSolver(
                options: SolverOptions(rlimit: options.rlimit, wallClockMilliseconds: options.timeoutMilliseconds))
            let encoding = ContractEncoding(model: model, contract: contract, bounds: bounds)
            let noCut = Term.constant("no-loop-cut", .bool)
            var cutsAsserted = 0
            var literalCount = 0
            for depth in 0...bounds.depth {
                if pending.isEmpty { break }
                if depth == 0 { encoding.encodeDeployment() } else { encoding.encodeTransaction() }
                for c in encoding.takeConstraints() { try solver.assert(c) }
                for cut in encoding.loopCuts.dropFirst(cutsAsserted) {
                    try solver.assert(Term.implies(noCut, Term.not(cut.condition)))
                }
                cutsAsserted = encoding.loopCuts.count
                var still: [Pending] = []
                for p in pending {
                    let violation: Term
                    if let invariant = p.invariant {
                        violation = encoding.invariantViolation(invariant)
                        for c in encoding.takeConstraints() { try solver.assert(c) }
                    } else {
                        violation = encoding.stepViolations[p.reference.name] ?? .false
                    }
                    if violation.boolLiteralValue == false {
                        still.append(p)
                        continue
                    }
                    literalCount += 1
                    let literal = Term.constant("check!\(literalCount)", .bool)
                    try solver.assert(Term.implies(literal, violation))
                    switch try solver.check(assumptions: [literal, noCut]) {
                    case .unsat:
                        // No execution of this depth violates it: a fact that later depths may use.
                        try solver.assert(Term.implies(noCut, Term.not(violation)))
                        still.append(p)
                    case .unknown(let reason):
                        finish(p, .unknown, reason: "solver: \(reason) at depth \(depth)", trace: nil, depth: depth)
                    case .sat:
                        let schedule = try ScheduleExtractor(model: try solver.model(), encoding: encoding)
                            .schedule(depth: depth)
                        switch interpreter.replay(schedule, property: p.reference) {
                        case .violated(let trace):
                            finish(p, .violated, reason: nil, trace: trace, depth: depth)
                        case .notViolated:
                            let why =
                                encoding.usesAbstraction
                                ? "abstraction: the counterexample relies on an over-approximated operation and did not replay"
                                : "internal error: the interpreter did not confirm the counterexample"
                            finish(p, .unknown, reason: why, trace: nil, depth: depth)
                        case .mismatch(let why):
                            finish(
                                p, .unknown, reason: "internal error: the counterexample does not replay (\(why))",
                                trace: nil, depth: depth)
                        }
                    }
                }
                pending = still
            }
            if !pending.isEmpty {
                let cuts = encoding.loopCuts
                var cutReason: String?
                if !cuts.isEmpty {
                    let anyCut = Term.constant("any-loop-cut", .bool)
                    try solver.assert(Term.implies(anyCut, Term.or(cuts.map(\.condition))))
                    if try solver.check(assumptions: [anyCut]) != .unsat {
                        let where_ = cuts.map { model.sources.describe($0.loop) }
                        cutReason =
                            "the loop at \(Array(Set(where_)).sorted().joined(separator: ", ")) may need more than \(bounds.loops) iterations (--loops)"
                    }
                }
                for p in pending {
                    if let cutReason {
                        finish(p, .unknown, reason: cutReason, trace: nil, depth: bounds.depth, extra: ["loop cut"])
                    } else {
                        finish(p, .holds, reason: nil, trace: nil, depth: bounds.depth)
                    }
                }
            }
        } catch {
            for p in pending where results[p.reference.name] == nil {
                finish(p, .unknown, reason: "solver error: \(error)", trace: nil, depth: 0)
            }
        }
        return order.compactMap { results[$0] }
    }
}
