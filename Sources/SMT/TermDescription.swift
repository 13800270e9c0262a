extension Term.Op {
    /// The SMT-LIB function symbol of this operator (`neg` prints as unary `-`).
    public var smtLibName: String {
        switch self {
        case .not: return "not"
        case .and: return "and"
        case .or: return "or"
        case .implies: return "=>"
        case .ite: return "ite"
        case .eq: return "="
        case .distinct: return "distinct"
        case .add: return "+"
        case .sub, .neg: return "-"
        case .mul: return "*"
        case .div: return "div"
        case .mod: return "mod"
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        case .select: return "select"
        case .store: return "store"
        case .predicate(let name, _): return name
        }
    }
}

extension Term {
    /// The term as an SMT-LIB s-expression, e.g. `(and (< x 5) (select a i))`.
    ///
    /// Shared subterms are printed at each occurrence (no `let` bindings), so a heavily shared DAG prints large.
    /// The printer does not recurse, so deep terms cannot overflow the stack.
    public var description: String {
        enum Piece {
            case term(Term)
            case text(String)
        }
        var output = ""
        var pending: [Piece] = [.term(self)]
        while let piece = pending.popLast() {
            switch piece {
            case .text(let text):
                output += text
            case .term(let term):
                switch term.kind {
                case .constant(let name, _):
                    output += Term.smtLibSymbol(name)
                case .intLiteral(let value):
                    output += value < 0 ? "(- \(-value))" : "\(value)"
                case .boolLiteral(let value):
                    output += value ? "true" : "false"
                case .apply(let op, let arguments):
                    output += "(" + op.smtLibName
                    pending.append(.text(")"))
                    for argument in arguments.reversed() {
                        pending.append(.term(argument))
                        pending.append(.text(" "))
                    }
                case .constArray(let index, let value):
                    output += "((as const \(Sort.array(index: index, element: value.sort))) "
                    pending.append(.text(")"))
                    pending.append(.term(value))
                case .quantifier(let isForall, let bound, let body):
                    let declarations = bound.map { variable -> String in
                        if case .constant(let name, let sort) = variable.kind {
                            return "(\(Term.smtLibSymbol(name)) \(sort))"
                        }
                        return "(\(variable) \(variable.sort))"
                    }
                    output += "(\(isForall ? "forall" : "exists") (\(declarations.joined(separator: " "))) "
                    pending.append(.text(")"))
                    pending.append(.term(body))
                }
            }
        }
        return output
    }

    /// `name` as an SMT-LIB symbol: as is when it is a simple symbol, otherwise quoted with `|…|`.
    static func smtLibSymbol(_ name: String) -> String {
        let punctuation = Set("~!@$%^&*_-+=<>.?/")
        let isSimple =
            !name.isEmpty && !(name.first!.isNumber)
            && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || punctuation.contains($0) }
        if isSimple || name.contains("|") || name.contains("\\") { return name }
        return "|\(name)|"
    }
}
