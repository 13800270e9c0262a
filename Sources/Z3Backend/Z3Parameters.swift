import CZ3
import SMT
import Synchronization

/// Builds the Z3 parameter set of a solver from `SolverOptions`, validating every extra parameter against the
/// solver's own descriptions (`Z3_solver_set_params` silently ignores a misspelled name).
struct Z3Parameters {
    /// The largest `rlimit` Z3 4.8.12 accepts: it is an unsigned 32-bit parameter.
    static let maximumRlimit = UInt64(UInt32.max)

    /// Parameters Vigil never passes through, with the reason given to the caller.
    static let forbidden: [String: String] = [
        "timeout":
            "the solver parameter 'timeout' is not allowed: it can deadlock Z3 4.8.12; budget with "
            + "SolverOptions.rlimit and use SolverOptions.wallClockMilliseconds as a safety net",
        "rlimit": "set the resource limit with SolverOptions.rlimit, not as a solver parameter",
    ]

    /// A parameter set in `context` holding only a resource limit (`nil`: none), for one check.
    static func budget(in context: Z3Context, rlimit: UInt64?) throws -> Z3ParamsHandle {
        let params = try empty(in: context)
        Z3_params_set_uint(
            context.raw, params.raw, Z3_mk_string_symbol(context.raw, "rlimit"), try checked(rlimit ?? 0))
        return params
    }

    /// A parameter set in `context` with nothing in it.
    private static func empty(in context: Z3Context) throws -> Z3ParamsHandle {
        guard let made = Z3_mk_params(context.raw) else {
            try context.checkError("mk_params")
            throw SolverError("z3 cannot make a parameter set")
        }
        return Z3ParamsHandle(context, made)
    }

    /// `rlimit` as Z3 takes it; throws when it is larger than Z3 accepts.
    private static func checked(_ rlimit: UInt64) throws -> UInt32 {
        guard rlimit <= maximumRlimit else {
            throw SolverError("rlimit \(rlimit) is larger than the largest Z3 accepts (\(maximumRlimit))")
        }
        return UInt32(rlimit)
    }

    /// The solvers Vigil makes, whose parameter descriptions differ: `make(for:family:options:)` reads each
    /// family's once per process.
    enum Family: Hashable {
        /// `Z3_mk_solver`: the SMT solver.
        case smt
        /// The solver of the `horn` tactic (Spacer).
        case horn
    }

    /// Each family's parameter names with their kinds, read from the first solver of that family.
    private static let knownKinds = Mutex<[Family: [String: Z3_param_kind]]>([:])

    /// A parameter set for `solver` carrying `options`: the resource limit, `ctrl_c` off (Z3 must not take over
    /// SIGINT from the process), and the validated extra parameters.
    static func make(for solver: Z3SolverHandle, family: Family, options: SolverOptions) throws -> Z3ParamsHandle {
        let context = solver.context
        let c = context.raw
        let params = try empty(in: context)
        func symbol(_ name: String) -> Z3_symbol? { Z3_mk_string_symbol(c, name) }

        Z3_params_set_bool(c, params.raw, symbol("ctrl_c"), false)
        if let rlimit = options.rlimit {
            Z3_params_set_uint(c, params.raw, symbol("rlimit"), try checked(rlimit))
        }
        if !options.parameters.isEmpty {
            let kinds = try parameterKinds(of: solver, family: family)
            for (name, value) in options.parameters.sorted(by: { $0.key < $1.key }) {
                if let reason = forbidden[name] { throw SolverError(reason) }
                guard let kind = kinds[name] else {
                    throw SolverError("unknown solver parameter '\(name)'" + suggestion(for: name, among: kinds.keys))
                }
                switch (value, kind) {
                case (.bool(let flag), Z3_PK_BOOL):
                    Z3_params_set_bool(c, params.raw, symbol(name), flag)
                case (.uint(let number), Z3_PK_UINT):
                    Z3_params_set_uint(c, params.raw, symbol(name), number)
                case (.double(let number), Z3_PK_DOUBLE):
                    Z3_params_set_double(c, params.raw, symbol(name), number)
                case (.symbol(let text), Z3_PK_SYMBOL):
                    Z3_params_set_symbol(c, params.raw, symbol(name), symbol(text))
                default:
                    throw SolverError(
                        "solver parameter '\(name)' takes \(describe(kind)), not \(describe(value))")
                }
            }
        }
        try context.checkError("cannot build the solver parameters")
        return params
    }

    /// Every parameter name `solver` (of `family`) accepts, with its kind.
    static func parameterKinds(of solver: Z3SolverHandle, family: Family) throws -> [String: Z3_param_kind] {
        if let known = knownKinds.withLock({ $0[family] }) { return known }
        let context = solver.context
        let c = context.raw
        let made = Z3_solver_get_param_descrs(c, solver.raw)
        try context.checkError("solver_get_param_descrs")
        guard let made else { throw SolverError("z3 returned no parameter descriptions") }
        let descriptions = Z3ParamDescrsHandle(context, made)
        var kinds: [String: Z3_param_kind] = [:]
        for index in 0..<Z3_param_descrs_size(c, descriptions.raw) {
            let name = Z3_param_descrs_get_name(c, descriptions.raw, index)
            kinds[context.string(Z3_get_symbol_string(c, name))] = Z3_param_descrs_get_kind(c, descriptions.raw, name)
        }
        try context.checkError("reading the parameter descriptions")
        knownKinds.withLock { $0[family] = kinds }
        return kinds
    }

    /// " (did you mean 'x'?)" for the closest known name within a small edit distance, or "".
    private static func suggestion(for name: String, among names: Dictionary<String, Z3_param_kind>.Keys) -> String {
        let scored = names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= max(2, name.count / 4) }
        guard let best = scored.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    /// The Levenshtein distance between `a` and `b`.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The kind of value a parameter takes, in words.
    private static func describe(_ kind: Z3_param_kind) -> String {
        switch kind {
        case Z3_PK_BOOL: return "a Boolean"
        case Z3_PK_UINT: return "an unsigned integer"
        case Z3_PK_DOUBLE: return "a floating-point number"
        case Z3_PK_SYMBOL: return "a symbol"
        case Z3_PK_STRING: return "a string (which Vigil cannot set)"
        default: return "a value Vigil cannot set"
        }
    }

    /// The kind of `value`, in words.
    private static func describe(_ value: SolverParameterValue) -> String {
        switch value {
        case .bool: return "a Boolean"
        case .uint: return "an unsigned integer"
        case .double: return "a floating-point number"
        case .symbol: return "a symbol"
        }
    }
}
