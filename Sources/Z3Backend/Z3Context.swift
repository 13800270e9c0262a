import CZ3
import SMT

/// One Z3 context (`Z3_mk_context_rc`): reference-counted ASTs, models enabled, and no error handler, so a Z3 error
/// becomes a thrown `SolverError` instead of Z3's default print-and-`exit(1)`.
///
/// A context is not thread-safe. Every handle made in it holds it strongly, so it is deleted after the last of them.
final class Z3Context {
    /// The C handle.
    let raw: Z3_context

    /// A fresh context with model generation on.
    init() throws {
        guard let config = Z3_mk_config() else { throw SolverError("z3: cannot create a configuration") }
        defer { Z3_del_config(config) }
        Z3_set_param_value(config, "model", "true")
        guard let context = Z3_mk_context_rc(config) else { throw SolverError("z3: cannot create a context") }
        // Before anything else can fail: Z3's default handler would print the error and exit the process.
        Z3_set_error_handler(context, nil)
        raw = context
    }

    deinit {
        Z3_del_context(raw)
    }

    /// Throws the error the last Z3 call reported, if any, prefixed with `operation`, and clears it.
    ///
    /// The message is read only when the code is not `Z3_OK`: Z3 keeps stale text from earlier errors.
    func checkError(_ operation: @autoclosure () -> String) throws {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        Z3_set_error(raw, Z3_OK)
        throw SolverError("z3 \(operation()): \(message)")
    }

    /// Wraps an AST a Z3 call just returned (taking a reference), or throws the error that call reported.
    func ast(_ made: Z3_ast?, _ operation: @autoclosure () -> String) throws -> Z3AST {
        try checkError(operation())
        guard let made else { throw SolverError("z3 \(operation()): no result") }
        return Z3AST(self, made)
    }

    /// Copies a string Z3 returned (Z3 overwrites its string buffer on the next call).
    func string(_ text: Z3_string?) -> String {
        text.map { String(cString: $0) } ?? ""
    }
}
