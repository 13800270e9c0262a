import CZ3
import SMT
import Synchronization

/// Z3's Horn-clause engine (Spacer, through the `horn` tactic) behind the `HornSolver` protocol.
///
/// Mappings stay arrays in the clauses; Spacer blasts them (`xform.array_blast`), which is what
/// lets it find invariants like `balance >= sum(balances)` quickly (measured in docs/BENCHMARKS.md).
/// Blasting can also make Spacer derive a failure that the clauses do not have (seen with Z3
/// 4.8.12); `SolverOptions.parameters` can turn it off (`"xform.array_blast": .bool(false)`).
/// Limits come from `SolverOptions` as for `Z3Solver`: `rlimit` and the wall-clock watchdog.
public final class Z3HornSolver: HornSolver {
    private let options: SolverOptions
    private let context: Z3Context
    private let solver: Z3SolverHandle
    private let translator: Z3Translator
    private let parameters: Z3ParamsHandle
    private var clauses: [Term] = []

    /// Spacer's defaults on Vigil's clauses; `SolverOptions.parameters` override them.
    static let hornParameters: [String: SolverParameterValue] = ["xform.array_blast": .bool(true)]

    /// A fresh Horn solver with no clauses.
    public init(options: SolverOptions = SolverOptions()) throws {
        self.options = options
        context = try Z3Context()
        let c = context.raw
        let tactic = Z3_mk_tactic(c, "horn")
        try context.checkError("mk_tactic horn")
        guard let tactic else { throw SolverError("z3 has no horn tactic") }
        Z3_tactic_inc_ref(c, tactic)
        defer { Z3_tactic_dec_ref(c, tactic) }
        let made = Z3_mk_solver_from_tactic(c, tactic)
        try context.checkError("mk_solver_from_tactic")
        guard let made else { throw SolverError("z3 cannot make a Horn solver") }
        solver = Z3SolverHandle(context, made)
        translator = Z3Translator(context: context)
        var tuned = options
        tuned.parameters = Self.hornParameters.merging(options.parameters) { _, given in given }
        parameters = try Z3Parameters.make(for: solver, family: .horn, options: tuned)
        Z3_solver_set_params(c, made, parameters.raw)
        try context.checkError("solver_set_params")
    }

    /// Adds a clause (a Bool term).
    public func add(_ clause: Term) throws {
        let formula = try translator.translate(clause)
        Z3_solver_assert(context.raw, solver.raw, formula.raw)
        try context.checkError("solver_assert")
        clauses.append(clause)
    }

    /// Runs Spacer; a safe system comes with the interpretation Spacer found for each predicate.
    public func solve() throws -> HornResult {
        if options.stop?.isRaised == true { return .unknown(.stopped) }
        let watchdog = Z3Watchdog(target: solver.interruptTarget, options: options)
        let outcome = Z3_solver_check(context.raw, solver.raw)
        let interrupted = watchdog.stop()
        if let interrupted {
            // Even an answer that came just before the interrupt is not read: the context's cancel
            // flag is set, and it is never used again.
            InterruptedHornSolvers.keep(solver)
            return .unknown(solver.unknownReason(interrupted: interrupted, options: options, rlimit: options.rlimit))
        }
        try context.checkError("solver_check")
        switch outcome {
        case Z3_L_TRUE:
            return .safe(try solution())
        case Z3_L_FALSE:
            return .unsafe
        default:
            return .unknown(solver.unknownReason(interrupted: interrupted, options: options, rlimit: options.rlimit))
        }
    }

    /// The cumulative "rlimit count" of the solver's context.
    public var resourceUsage: UInt64 { solver.resourceUsage }

    /// Checks every clause under `solution` in a context of its own: each clause's negation, with
    /// the predicates defined by their interpretations, must be unsatisfiable.
    public func validate(_ solution: HornSolution) throws -> CertificateCheck {
        let c = context.raw
        Z3_set_ast_print_mode(c, Z3_PRINT_SMTLIB2_COMPLIANT)
        var definitions = ""
        for name in translator.predicates.keys.sorted() {
            guard let definition = solution.definitions[name] else { return .rejected("no interpretation of \(name)") }
            definitions += definition + "\n"
        }
        let fresh = try Z3Context()
        for (index, clause) in clauses.enumerated() {
            let text = context.string(Z3_ast_to_string(c, try translator.translate(clause).raw))
            try context.checkError("ast_to_string")
            let script = definitions + "(assert (not \(text)))\n"
            let parsed = Z3_parse_smtlib2_string(fresh.raw, script, 0, nil, nil, 0, nil, nil)
            try fresh.checkError("parsing clause \(index + 1) with the certificate")
            guard let parsed else { return .rejected("clause \(index + 1) does not parse") }
            Z3_ast_vector_inc_ref(fresh.raw, parsed)
            defer { Z3_ast_vector_dec_ref(fresh.raw, parsed) }
            guard let checker = Z3_mk_simple_solver(fresh.raw) else { throw SolverError("z3 cannot make a solver") }
            let handle = Z3SolverHandle(fresh, checker)
            let budget = try Z3Parameters.budget(in: fresh, rlimit: options.rlimit)
            Z3_solver_set_params(fresh.raw, handle.raw, budget.raw)
            for i in 0..<Z3_ast_vector_size(fresh.raw, parsed) {
                Z3_solver_assert(fresh.raw, handle.raw, Z3_ast_vector_get(fresh.raw, parsed, i))
            }
            let outcome = Z3_solver_check(fresh.raw, handle.raw)
            try fresh.checkError("checking clause \(index + 1)")
            switch outcome {
            case Z3_L_FALSE: continue
            case Z3_L_TRUE: return .rejected("clause \(index + 1) is false under the certificate")
            default: return .rejected("clause \(index + 1) could not be checked")
            }
        }
        return .valid
    }

    /// The interpretation of every predicate in the model of the last (sat) check.
    private func solution() throws -> HornSolution {
        let c = context.raw
        Z3_set_ast_print_mode(c, Z3_PRINT_SMTLIB2_COMPLIANT)
        let made = Z3_solver_get_model(c, solver.raw)
        try context.checkError("solver_get_model")
        guard let made else { throw SolverError("z3 returned no model for a safe Horn system") }
        let model = Z3ModelHandle(context, made)
        var definitions: [String: String] = [:]
        for (name, predicate) in translator.predicates.sorted(by: { $0.key < $1.key }) {
            var parameters: [String] = []
            var variables: [Z3_ast?] = []
            for (i, sort) in predicate.domain.enumerated() {
                let z3Sort = try translator.sort(sort)
                parameters.append("(\(HornSolution.parameter(i)) \(context.string(Z3_sort_to_string(c, z3Sort.raw))))")
                let variable = Z3_mk_const(c, Z3_mk_string_symbol(c, HornSolution.parameter(i)), z3Sort.raw)
                Z3_inc_ref(c, variable)
                variables.append(variable)
            }
            defer { for v in variables { Z3_dec_ref(c, v) } }
            var body = "false"
            if let interpretation = Z3_model_get_func_interp(c, model.raw, predicate.declaration) {
                Z3_func_interp_inc_ref(c, interpretation)
                defer { Z3_func_interp_dec_ref(c, interpretation) }
                if let otherwise = Z3_func_interp_get_else(c, interpretation) {
                    let substituted = variables.withUnsafeBufferPointer {
                        Z3_substitute_vars(c, otherwise, UInt32($0.count), $0.baseAddress)
                    }
                    Z3_inc_ref(c, substituted)
                    body = context.string(Z3_ast_to_string(c, substituted))
                    Z3_dec_ref(c, substituted)
                }
            }
            try context.checkError("reading the interpretation of \(name)")
            definitions[name] = "(define-fun \(name) (\(parameters.joined(separator: " "))) Bool \(body))"
        }
        return HornSolution(definitions: definitions)
    }
}

/// Horn solvers whose Spacer run was interrupted, kept alive until the process ends. One run of
/// every example, with the engines side by side, aborted on an uncaught Z3 exception
/// (`rewriter_exception`) in the prover's thread after Spacer interrupts; the suspected place is
/// tearing down a Spacer context whose cancel flag is still set, so such a context is never torn
/// down while the process runs. A few interrupted solvers per run cost little memory.
enum InterruptedHornSolvers {
    private static let kept = Mutex<[Z3SolverHandleBox]>([])

    static func keep(_ solver: Z3SolverHandle) {
        let box = Z3SolverHandleBox(solver)
        kept.withLock { $0.append(box) }
    }
}

/// A solver handle (with the context it holds) moved into `InterruptedHornSolvers`.
final class Z3SolverHandleBox: @unchecked Sendable {
    // Safety: the handle is never used again, only kept alive.
    private let handle: Z3SolverHandle
    init(_ handle: Z3SolverHandle) { self.handle = handle }
}
