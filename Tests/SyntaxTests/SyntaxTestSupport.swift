import Testing
import VigilBasics
import VigilSyntax

/// One parsed test input with its source manager, so that tests can render dumps and positions.
struct Parsed {
    let unit: SourceUnit
    let diagnostics: [Diagnostic]
    let sources: SourceManager

    var dump: String { ASTDump.dump(unit, sources: sources) }

    /// Each diagnostic as `line:col id: message`.
    var messages: [String] {
        diagnostics.map { d in
            guard let range = d.range else { return "\(d.id): \(d.message)" }
            let at = sources.start(of: range)
            return "\(at.line):\(at.column) \(d.id): \(d.message)"
        }
    }

    var errorIDs: [String] { diagnostics.map(\.id) }

    /// The contracts of the unit, in order.
    var contracts: [ContractDecl] {
        unit.items.compactMap { item in
            if case .contract(let c) = item { return c }
            return nil
        }
    }
}

/// Parses `text` as a file of the given kind.
func parse(_ text: String, kind: SourceKind = .solidity) -> Parsed {
    parse(bytes: Array(text.utf8), kind: kind)
}

func parse(bytes: [UInt8], kind: SourceKind = .solidity) -> Parsed {
    var sources = SourceManager()
    let ext = kind == .solidity ? "sol" : kind.rawValue
    let id = sources.add(path: "test.\(ext)", bytes: bytes)
    var ids = NodeIDAllocator()
    let (unit, diagnostics) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
    return Parsed(unit: unit, diagnostics: diagnostics, sources: sources)
}

// MARK: - Expressions

/// The statements of the first function of the first contract.
func firstFunctionBody(_ parsed: Parsed) -> [Stmt] {
    for member in parsed.contracts.first?.members ?? [] {
        if case .function(let f) = member, let body = f.body { return body.statements }
    }
    return []
}

/// Parses `source` as an expression statement inside a function and returns the expression.
func codeExpression(_ source: String) -> (expr: Expr?, parsed: Parsed) {
    let parsed = parse("contract C { function f() public { \(source); } }")
    guard case .expression(let e) = firstFunctionBody(parsed).first?.kind else { return (nil, parsed) }
    return (e, parsed)
}

/// Parses `source` as the expression of an invariant in a `.vigil` contract.
func propertyExpression(_ source: String) -> (expr: Expr?, parsed: Parsed) {
    let parsed = parse("contract C { invariant p: \(source); }", kind: .vigil)
    guard case .property(.invariant(_, let e, _)) = parsed.contracts.first?.members.first else {
        return (nil, parsed)
    }
    return (e, parsed)
}

/// A compact prefix form of an expression that shows its grouping: `a + b * c` is `(+ a (* b c))`.
func sexpr(_ e: Expr?) -> String {
    guard let e else { return "<none>" }
    func list(_ head: String, _ items: [Expr]) -> String {
        "(" + ([head] + items.map { sexpr($0) }).joined(separator: " ") + ")"
    }
    switch e.kind {
    case .number(let n): return n.value.description
    case .bool(let b): return "\(b)"
    case .newContract(let name): return "(new \(name.name))"
    case .newArray(let type): return "(new \(typeText(type)))"
    case .arrayType(let type): return typeText(type)
    case .string(let s): return "\"\(String(decoding: s, as: UTF8.self))\""
    case .identifier(let name): return name
    case .member(let base, let name): return "\(sexpr(base)).\(name.name)"
    case .index(let base, let index): return "\(sexpr(base))[\(sexpr(index))]"
    case .slice(let base, let start, let end):
        return "\(sexpr(base))[\(start.map { sexpr($0) } ?? ""):\(end.map { sexpr($0) } ?? "")]"
    case .call(let callee, let arguments): return list("call \(sexpr(callee))", arguments)
    case .namedCall(let callee, let names, let arguments):
        return list("call \(sexpr(callee)){\(names.map(\.name).joined(separator: ", "))}", arguments)
    case .callOptions(let callee, let options, let arguments):
        let written = options.map { "\($0.name.name): \(sexpr($0.value))" }.joined(separator: ", ")
        return list("call \(sexpr(callee)){\(written)}", arguments)
    case .elementaryType(let t): return t.description
    case .typeQuery(let type, let member): return "type(\(typeText(type))).\(member.name)"
    case .unary(let op, let operand): return list(op.rawValue, [operand])
    case .binary(let op, let lhs, let rhs): return list(op.rawValue, [lhs, rhs])
    case .assignment(let op, let lhs, let rhs): return list(op.spelling, [lhs, rhs])
    case .incrementDecrement(let isIncrement, let isPrefix, let operand):
        let op = isIncrement ? "++" : "--"
        return isPrefix ? "(\(op) \(sexpr(operand)))" : "(\(sexpr(operand)) \(op))"
    case .conditional(let c, let t, let f): return list("?", [c, t, f])
    case .parenthesized(let inner): return list("paren", [inner])
    case .tuple(let components): return "(tuple " + components.map { sexpr($0) }.joined(separator: " ") + ")"
    case .arrayLiteral(let elements): return list("array", elements)
    case .quantifier(let kind, let variable, let body):
        return "(\(kind.rawValue) \(typeText(variable.type)) \(variable.name?.name ?? "_") \(sexpr(body)))"
    }
}

func typeText(_ type: TypeName) -> String {
    switch type {
    case .elementary(let t, _): t.description
    case .mapping(let key, let value, _): "mapping(\(typeText(key)) => \(typeText(value)))"
    case .named(let name): name.name
    case .array(let element, let length, _): "\(typeText(element))[\(length.map { sexpr($0) } ?? "")]"
    case .function(let f): functionTypeText(f, typeText)
    }
}
