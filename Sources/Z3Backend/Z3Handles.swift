import CZ3
import SMT

// Reference-counted wrappers of Z3 handles, modelled on z3++.h: each takes a reference when made, drops it in
// `deinit`, and holds its context strongly. They are distinct types so that an AST cannot be passed as a model.

/// A Z3 term (`Z3_ast`).
final class Z3AST {
    /// The context the term lives in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_ast

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_ast) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_dec_ref(context.raw, raw)
    }
}

/// A Z3 sort (`Z3_sort`).
final class Z3SortHandle {
    /// The context the sort lives in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_sort

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_sort) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }

    deinit {
        Z3_dec_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }
}

/// A Z3 solver (`Z3_solver`).
final class Z3SolverHandle {
    /// The context the solver lives in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_solver

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_solver) {
        self.context = context
        self.raw = raw
        Z3_solver_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// What a watchdog needs to interrupt this solver from another thread.
    var interruptTarget: Z3InterruptTarget {
        Z3InterruptTarget(context: context.raw, solver: raw)
    }

    /// The cumulative "rlimit count" of the solver (0 when Z3 reports none).
    var resourceUsage: UInt64 {
        guard let made = Z3_solver_get_statistics(context.raw, raw) else {
            try? context.checkError("solver_get_statistics")
            return 0
        }
        let statistics = Z3StatsHandle(context, made)
        let c = context.raw
        var total: UInt64 = 0
        for index in 0..<Z3_stats_size(c, statistics.raw)
        where context.string(Z3_stats_get_key(c, statistics.raw, index)) == "rlimit count" {
            if Z3_stats_is_uint(c, statistics.raw, index) {
                total += UInt64(Z3_stats_get_uint_value(c, statistics.raw, index))
            } else {
                total += UInt64(max(0, Z3_stats_get_double_value(c, statistics.raw, index)))
            }
        }
        try? context.checkError("reading statistics")
        return total
    }

    /// The reason of an `unknown` check, naming the limit that stopped it when one did: the check's
    /// `rlimit`, or the wall-clock limit of `options`.
    /// An interrupted solver is not asked anything.
    func unknownReason(interrupted: Z3Watchdog.Cause?, options: SolverOptions, rlimit: UInt64?) -> GiveUp {
        switch interrupted {
        case .stopped?:
            return .stopped
        case .deadline?:
            return .deadline(milliseconds: options.wallClockMilliseconds ?? 0)
        case nil:
            break
        }
        let reported = context.string(Z3_solver_get_reason_unknown(context.raw, raw))
        try? context.checkError("solver_get_reason_unknown")
        // Z3 4.8.12 reports an exhausted rlimit as "canceled" when nothing interrupted the check.
        if let rlimit, rlimit > 0, reported.contains("resource limit") || reported == "canceled" {
            return .resourceLimit(rlimit: rlimit)
        }
        return .other(reported.isEmpty ? "unknown" : reported)
    }
}

/// The one piece of a solver that crosses threads: the raw handles a watchdog passes to `Z3_solver_interrupt`.
///
/// It owns nothing (so it can never release Z3 objects on the watchdog's thread). The watchdog uses it only while
/// the check it guards is running, which keeps the solver and its context alive; `Z3_solver_interrupt` is the Z3
/// call documented as safe to make from another thread.
struct Z3InterruptTarget: @unchecked Sendable {
    /// The solver's context.
    let context: Z3_context
    /// The solver.
    let solver: Z3_solver

    /// Asks the running check to stop; a no-op when no check is running.
    func interrupt() {
        Z3_solver_interrupt(context, solver)
    }
}

/// A Z3 model (`Z3_model`).
final class Z3ModelHandle {
    /// The context the model lives in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_model

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_model) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_model_dec_ref(context.raw, raw)
    }
}

/// A Z3 parameter set (`Z3_params`).
final class Z3ParamsHandle {
    /// The context the parameter set lives in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_params

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_params) {
        self.context = context
        self.raw = raw
        Z3_params_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_params_dec_ref(context.raw, raw)
    }
}

/// The descriptions of the parameters a solver accepts (`Z3_param_descrs`).
final class Z3ParamDescrsHandle {
    /// The context the descriptions live in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_param_descrs

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_param_descrs) {
        self.context = context
        self.raw = raw
        Z3_param_descrs_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_param_descrs_dec_ref(context.raw, raw)
    }
}

/// A snapshot of a solver's statistics (`Z3_stats`).
final class Z3StatsHandle {
    /// The context the statistics live in.
    let context: Z3Context
    /// The C handle.
    let raw: Z3_stats

    /// Takes a reference to `raw`.
    init(_ context: Z3Context, _ raw: Z3_stats) {
        self.context = context
        self.raw = raw
        Z3_stats_inc_ref(context.raw, raw)
    }

    deinit {
        Z3_stats_dec_ref(context.raw, raw)
    }
}
