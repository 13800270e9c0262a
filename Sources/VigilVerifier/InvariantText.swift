import SMT

/// Renders an SMT-LIB `define-fun` of `Inv` as a Vigil expression over the contract's names,
/// e.g. `(define-fun Inv ((vigil!0 Int) (vigil!1 Int)) Bool (<= vigil!1 vigil!0))` → `sum(balances) <= balance`.
enum InvariantText {
    /// An s-expression: an atom or a list.
    indirect enum SExpr {
        case atom(String)
        case list([SExpr])
    }

    /// The body of `definition` with `vigil!i` named by `names[i]`; the raw text when it cannot be read.
    static func render(_ definition: String, names: [String]) -> String {
        var tokens = tokenize(definition)[...]
        guard let parsed = parse(&tokens), case .list(let items) = parsed, items.count == 5 else { return definition }
        return infix(items[4], names: names)
    }

    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for ch in text {
            if quoted {
                current.append(ch)
                if ch == "|" { quoted = false }
                continue
            }
            switch ch {
            case "(", ")":
                if !current.isEmpty { tokens.append(current) }
                current = ""
                tokens.append(String(ch))
            case " ", "\n", "\t":
                if !current.isEmpty { tokens.append(current) }
                current = ""
            case "|":
                quoted = true
                current.append(ch)
            default:
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    private static func parse(_ tokens: inout ArraySlice<String>) -> SExpr? {
        guard let first = tokens.popFirst() else { return nil }
        guard first == "(" else { return first == ")" ? nil : .atom(first) }
        var items: [SExpr] = []
        while let next = tokens.first {
            if next == ")" {
                tokens.removeFirst()
                return .list(items)
            }
            guard let item = parse(&tokens) else { return nil }
            items.append(item)
        }
        return nil
    }

    private static let infixOperators: [String: String] = [
        "and": "&&", "or": "||", "=>": "==>", "=": "==", "<=": "<=", ">=": ">=", "<": "<", ">": ">", "+": "+",
        "*": "*", "div": "/", "mod": "%",
    ]

    private static func infix(_ e: SExpr, names: [String], nested: Bool = false) -> String {
        switch e {
        case .atom(let a):
            if a.hasPrefix(HornSolution.parameterPrefix), let i = Int(a.dropFirst(HornSolution.parameterPrefix.count)),
                names.indices.contains(i)
            {
                return names[i]
            }
            return a
        case .list(let items):
            guard case .atom(let head)? = items.first else { return "?" }
            // `(<= (+ a (* (- 1) b)) 0)`, Spacer's normal form, reads better as `a <= b`.
            if ["<=", ">=", "<", ">", "="].contains(head), items.count == 3, case .atom("0") = items[2],
                case .list(let sum) = items[1], sum.count == 3, case .atom("+") = sum[0],
                case .list(let product) = sum[2], product.count == 3, case .atom("*") = product[0],
                case .list(let minusOne) = product[1], minusOne.count == 2, case .atom("-") = minusOne[0],
                case .atom("1") = minusOne[1]
            {
                let text =
                    "\(infix(sum[1], names: names, nested: true)) \(infixOperators[head]!) "
                    + infix(product[2], names: names, nested: true)
                return nested ? "(\(text))" : text
            }
            let args = items.dropFirst().map { infix($0, names: names, nested: true) }
            let text: String
            switch head {
            case "not" where args.count == 1: return "!" + args[0]
            case "-" where args.count == 1: return "-" + args[0]
            case "-": text = args.joined(separator: " - ")
            case "select" where args.count == 2: return "\(args[0])[\(args[1])]"
            case "ite" where args.count == 3: text = "\(args[0]) ? \(args[1]) : \(args[2])"
            default:
                guard let op = infixOperators[head], args.count >= 2 else {
                    return "\(head)(\(args.joined(separator: ", ")))"
                }
                text = args.joined(separator: " \(op) ")
            }
            return nested ? "(\(text))" : text
        }
    }
}
