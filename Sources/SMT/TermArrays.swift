// Smart constructors for arrays and quantifiers.

extension Term {
    // MARK: - Arrays

    /// `(select array index)`: reading at the index of a `store` gives the stored value; stores at other literal
    /// indices are skipped; reading a constant array gives its value.
    ///
    /// The result's sort is the element sort of `array`; when `array` is not an array the term is ill-sorted (it gets
    /// sort `Int`) and a solver rejects it.
    public static func select(_ array: Term, _ index: Term) -> Term {
        var current = array
        while true {
            switch current.kind {
            case .apply(.store, let arguments) where arguments.count == 3:
                if arguments[1] == index { return arguments[2] }
                if areDistinctLiterals(arguments[1], index) {
                    current = arguments[0]
                    continue
                }
            case .constArray(_, let value):
                return value
            default:
                break
            }
            break
        }
        return Term(kind: .apply(.select, [current, index]), sort: array.sort.arrayElement ?? .int)
    }

    /// `(store array index value)`: a store over a store at the same index replaces it, and storing back the value
    /// just read at that index gives `array` itself.
    public static func store(_ array: Term, _ index: Term, _ value: Term) -> Term {
        if case .apply(.select, let arguments) = value.kind, arguments.count == 2, arguments[0] == array,
            arguments[1] == index
        {
            return array
        }
        if case .apply(.store, let arguments) = array.kind, arguments.count == 3, arguments[1] == index {
            return Term(kind: .apply(.store, [arguments[0], index, value]), sort: array.sort)
        }
        return Term(kind: .apply(.store, [array, index, value]), sort: array.sort)
    }

    /// The constant array of sort `(Array index value.sort)` mapping every index to `value`.
    public static func constArray(index: Sort, value: Term) -> Term {
        Term(kind: .constArray(index: index, value: value), sort: .array(index: index, element: value.sort))
    }

    /// Whether `a` and `b` are literals of the same kind with different values (so they denote different indices).
    private static func areDistinctLiterals(_ a: Term, _ b: Term) -> Bool {
        switch (a.kind, b.kind) {
        case (.intLiteral(let left), .intLiteral(let right)): return left != right
        case (.boolLiteral(let left), .boolLiteral(let right)): return left != right
        default: return false
        }
    }

    // MARK: - Quantifiers

    /// `(forall (bound…) body)`; `bound` must be `.constant` terms (a solver rejects anything else). No bound
    /// variable, or a literal body, gives `body`.
    public static func forall(_ bound: [Term], _ body: Term) -> Term {
        quantifier(isForall: true, bound, body)
    }

    /// `(exists (bound…) body)`; `bound` must be `.constant` terms (a solver rejects anything else). No bound
    /// variable, or a literal body, gives `body`.
    public static func exists(_ bound: [Term], _ body: Term) -> Term {
        quantifier(isForall: false, bound, body)
    }

    /// Builds a quantifier, dropping it when it binds nothing or its body is a literal.
    private static func quantifier(isForall: Bool, _ bound: [Term], _ body: Term) -> Term {
        if bound.isEmpty || body.boolLiteralValue != nil { return body }
        return Term(kind: .quantifier(isForall: isForall, bound: bound, body: body), sort: .bool)
    }
}
