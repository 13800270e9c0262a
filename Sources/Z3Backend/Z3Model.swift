import BigInt
import CZ3
import SMT

/// A Z3 model, evaluated with model completion.
final class Z3Model: Model {
    /// The Z3 model.
    private let handle: Z3ModelHandle
    /// The solver's translator, so evaluated terms share the solver's constants.
    private let translator: Z3Translator

    /// A model of the solver whose translator is `translator`.
    init(handle: Z3ModelHandle, translator: Z3Translator) {
        self.handle = handle
        self.translator = translator
    }

    /// The value of the Bool- or Int-sorted `t`; unconstrained constants get a default value.
    func evaluate(_ t: Term) throws -> Value {
        if case .array = t.sort {
            throw SolverError("cannot evaluate an array to a value; evaluate select terms on it instead")
        }
        let context = handle.context
        let c = context.raw
        let ast = try translator.translate(t)
        var result: Z3_ast?
        let evaluated = Z3_model_eval(c, handle.raw, ast.raw, true, &result)
        let value = try context.ast(result, "model_eval")
        guard evaluated else { throw SolverError("z3 cannot evaluate \(t) in the model") }
        switch Z3_get_sort_kind(c, Z3_get_sort(c, value.raw)) {
        case Z3_BOOL_SORT:
            switch Z3_get_bool_value(c, value.raw) {
            case Z3_L_TRUE: return .bool(true)
            case Z3_L_FALSE: return .bool(false)
            default: throw notALiteral(t, value)
            }
        case Z3_INT_SORT:
            guard Z3_is_numeral_ast(c, value.raw) else { throw notALiteral(t, value) }
            let digits = context.string(Z3_get_numeral_string(c, value.raw))
            try context.checkError("get_numeral_string")
            guard let number = BigInt(digits) else {
                throw SolverError("z3 returned the malformed integer '\(digits)'")
            }
            return .int(number)
        default:
            throw SolverError("cannot read a value of sort \(t.sort) from a model")
        }
    }

    /// The error for a term the model does not reduce to a literal.
    private func notALiteral(_ t: Term, _ value: Z3AST) -> SolverError {
        let printed = handle.context.string(Z3_ast_to_string(handle.context.raw, value.raw))
        return SolverError("the model does not evaluate \(t) to a literal; z3 gives \(printed)")
    }
}
