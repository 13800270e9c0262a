import VigilBasics

/// A readable, deterministic text form of a syntax tree, used by `vigil parse --dump-ast` and by tests.
///
/// One node per line, indented by two spaces per level: the node's kind, its details, then `@line:col`
/// of its first byte. Children that play a named role are prefixed with it (`condition: ...`). Types
/// are written inline as Solidity spells them (`mapping(address => uint256)`).
public enum ASTDump {
    /// Dumps one parsed file; `sources` must hold the unit's file.
    public static func dump(_ unit: SourceUnit, sources: SourceManager) -> String {
        var writer = ASTDumpWriter(lines: sources[unit.file].lines)
        writer.line("SourceUnit \(unit.kind.rawValue)", nil)
        writer.indent += 1
        for item in unit.items { writer.item(item) }
        return writer.out
    }
}

/// Writes the dump, one node at a time.
struct ASTDumpWriter {
    let lines: LineTable
    var out = ""
    var indent = 0

    mutating func line(_ text: String, _ range: SourceRange?, role: String? = nil) {
        out.append(String(repeating: "  ", count: indent))
        if let role { out.append("\(role): ") }
        out.append(text)
        if let range {
            let at = lines.location(of: range.start)
            out.append(" @\(at.line):\(at.column)")
        }
        out.append("\n")
    }

    /// Writes a node's line, then its children one level deeper.
    mutating func node(_ text: String, _ range: SourceRange?, role: String? = nil, children: (inout Self) -> Void) {
        line(text, range, role: role)
        indent += 1
        children(&self)
        indent -= 1
    }

    // MARK: - Declarations

    mutating func item(_ item: TopLevelItem) {
        switch item {
        case .pragma(let p): line("Pragma \(p.name.name) \(quoted(p.value))", p.range)
        case .importDecl(let i):
            let names =
                i.symbols.isEmpty
                ? ""
                : " {"
                    + i.symbols.map { $0.name.name + ($0.alias.map { " as \($0.name)" } ?? "") }.joined(separator: ", ")
                    + "}"
            let alias = i.unitAlias.map { " as \($0.name)" } ?? ""
            line("Import\(names) \(quoted(i.path))\(alias)", i.range)
        case .contract(let c):
            var text = "\(c.isAbstract ? "Abstract" : "")\(c.kind.rawValue.capitalized) \(c.name.name)"
            if !c.bases.isEmpty { text += " is " + c.bases.map(\.name.name).joined(separator: ", ") }
            node(text, c.range) { w in
                for base in c.bases {
                    if let arguments = base.arguments {
                        w.node("BaseArguments \(base.name.name)", base.range) { w in for a in arguments { w.expr(a) } }
                    }
                }
                for member in c.members { w.member(member) }
            }
        case .using(let u): using(u)
        case .function(let f): function(f)
        case .constant(let v): stateVariable(v)
        case .userType(let t): line("UserType \(t.name.name) is \(typeText(t.underlying))", t.range)
        case .structDecl(let s): structDecl(s)
        case .enumDecl(let e): enumDecl(e)
        case .errorDecl(let e): signature("Error", e.name, e.parameters, e.range)
        case .eventDecl(let e): signature("Event", e.name, e.parameters, e.range)
        case .spec(let s):
            node("Spec \(s.contract.name)", s.range) { w in
                for property in s.properties { w.property(property) }
            }
        }
    }

    mutating func member(_ member: ContractMember) {
        switch member {
        case .stateVariable(let v): stateVariable(v)
        case .using(let u): using(u)
        case .userType(let t): line("UserType \(t.name.name) is \(typeText(t.underlying))", t.range)
        case .function(let f): function(f)
        case .modifier(let m):
            node("ModifierDefinition \(m.name.name)", m.range) { w in
                for p in m.parameters { w.variable("Parameter", p) }
                w.block(m.body)
            }
        case .event(let e): signature("Event", e.name, e.parameters, e.range)
        case .error(let e): signature("Error", e.name, e.parameters, e.range)
        case .structDecl(let s): structDecl(s)
        case .enumDecl(let e): enumDecl(e)
        case .property(let p): property(p)
        }
    }

    mutating func stateVariable(_ v: StateVariableDecl) {
        var text = "StateVariable \(typeText(v.type)) \(v.name.name) \(v.visibility.rawValue)"
        if v.isConstant { text += " constant" }
        if v.isImmutable { text += " immutable" }
        node(text, v.range) { w in
            if let initializer = v.initializer { w.expr(initializer, role: "initializer") }
        }
    }

    mutating func using(_ u: UsingDirective) {
        let listed = u.functions.map(\.name) + u.operators.map { "\($0.function.name) as \($0.op.rawValue)" }
        let bound = u.library?.name ?? "{" + listed.joined(separator: ", ") + "}"
        line("Using \(bound) for \(u.target.map(typeText) ?? "*")\(u.isGlobal ? " global" : "")", u.range)
    }

    mutating func function(_ f: FunctionDecl) {
        var text = f.kind == .function ? "Function \(f.name.name)" : "Function \(f.kind.rawValue)"
        if let visibility = f.visibility { text += " \(visibility.rawValue)" }
        text += " \(f.mutability.rawValue)"
        node(text, f.range) { w in
            for p in f.parameters { w.variable("Parameter", p) }
            for r in f.returns { w.variable("Returns", r) }
            for m in f.modifiers {
                w.node("ModifierInvocation \(m.name.name)", m.range) { w in
                    for a in m.arguments { w.expr(a) }
                }
            }
            for e in f.ensures {
                w.node("Ensures", e.range) { w in w.expr(e.expression) }
            }
            if let body = f.body { w.block(body) }
        }
    }

    mutating func signature(_ label: String, _ name: Identifier, _ parameters: [VariableDecl], _ range: SourceRange) {
        node("\(label) \(name.name)", range) { w in
            for p in parameters { w.variable("Parameter", p) }
        }
    }

    mutating func structDecl(_ s: StructDecl) {
        node("Struct \(s.name.name)", s.range) { w in
            for f in s.fields { w.variable("Field", f) }
        }
    }

    mutating func enumDecl(_ e: EnumDecl) {
        node("Enum \(e.name.name)", e.range) { w in
            for m in e.members { w.line("EnumMember \(m.name)", m.range) }
        }
    }

    mutating func property(_ p: PropertyDecl) {
        switch p {
        case .invariant(let name, let e, let r): node("Invariant \(name.name)", r) { w in w.expr(e) }
        case .ensures(let function, let e, let r): node("Ensures \(function.name)", r) { w in w.expr(e) }
        case .trusted(let e, let r): node("Trusted", r) { w in w.expr(e) }
        case .rule(let rule):
            node("Rule \(rule.name.name)", rule.range) { w in
                for p in rule.parameters { w.variable("Parameter", p) }
                w.block(rule.body)
            }
        }
    }

    mutating func variable(_ label: String, _ v: VariableDecl, role: String? = nil) {
        var text = "\(label) \(typeText(v.type))"
        if let location = v.location { text += " \(location.rawValue)" }
        if let name = v.name { text += " \(name.name)" }
        line(text, v.range, role: role)
    }

    // MARK: - Statements

    mutating func block(_ b: Block, role: String? = nil) {
        node("Block", b.range, role: role) { w in
            for s in b.statements { w.stmt(s) }
        }
    }

    mutating func stmt(_ s: Stmt, role: String? = nil) {
        switch s.kind {
        case .variable(let v, let initializer):
            node("VariableDeclaration", s.range, role: role) { w in
                w.variable("Variable", v)
                if let initializer { w.expr(initializer, role: "initializer") }
            }
        case .tupleVariable(let components, let initializer):
            node("TupleDeclaration", s.range, role: role) { w in
                for c in components {
                    if let c { w.variable("Variable", c) } else { w.line("Omitted", nil) }
                }
                w.expr(initializer, role: "initializer")
            }
        case .expression(let e): node("ExpressionStatement", s.range, role: role) { w in w.expr(e) }
        case .block(let b): block(b, role: role)
        case .unchecked(let b):
            node("Unchecked", s.range, role: role) { w in
                for s in b.statements { w.stmt(s) }
            }
        case .ifStmt(let condition, let thenBranch, let elseBranch):
            node("If", s.range, role: role) { w in
                w.expr(condition, role: "condition")
                w.stmt(thenBranch, role: "then")
                if let elseBranch { w.stmt(elseBranch, role: "else") }
            }
        case .forStmt(let initializer, let condition, let update, let body):
            node("For", s.range, role: role) { w in
                if let initializer { w.stmt(initializer, role: "init") }
                if let condition { w.expr(condition, role: "condition") }
                if let update { w.expr(update, role: "update") }
                w.stmt(body, role: "body")
            }
        case .whileStmt(let condition, let body):
            node("While", s.range, role: role) { w in
                w.expr(condition, role: "condition")
                w.stmt(body, role: "body")
            }
        case .breakStmt: line("Break", s.range, role: role)
        case .continueStmt: line("Continue", s.range, role: role)
        case .returnStmt(let value):
            node("Return", s.range, role: role) { w in
                if let value { w.expr(value) }
            }
        case .emit(let event, let arguments):
            node("Emit \(event.name)", s.range, role: role) { w in
                for a in arguments { w.expr(a) }
            }
        case .revertError(let error, let arguments):
            node("RevertError \(error.name)", s.range, role: role) { w in
                for a in arguments { w.expr(a) }
            }
        case .delete(let target): node("Delete", s.range, role: role) { w in w.expr(target) }
        case .placeholder: line("Placeholder", s.range, role: role)
        case .ruleCall(let call): ruleCall(call, s.range, role: role)
        case .tryStmt(let t):
            node("Try", s.range, role: role) { w in
                w.expr(t.call, role: "call")
                for v in t.returns { w.variable("Returns", v) }
                w.block(t.body, role: "body")
                for c in t.catches {
                    w.node("Catch\(c.kind.map { " \($0.name)" } ?? "")", c.range) { w in
                        for p in c.parameters { w.variable("Parameter", p) }
                        w.block(c.body)
                    }
                }
            }
        case .assembly(let a):
            let flags = a.flags.isEmpty ? "" : " (" + a.flags.map(quoted).joined(separator: ", ") + ")"
            node("Assembly\(flags)", s.range, role: role) { w in
                for y in a.body.statements { w.yul(y) }
            }
        }
    }

    // MARK: - Yul

    mutating func yul(_ s: YulStatement) {
        switch s {
        case .block(let b): node("YulBlock", b.range) { w in for y in b.statements { w.yul(y) } }
        case .variables(let names, let value, let r):
            node("YulLet \(names.map(\.name).joined(separator: ", "))", r) { w in if let value { w.yul(value) } }
        case .assignment(let targets, let value, let r):
            node("YulAssign \(targets.map(\.text).joined(separator: ", "))", r) { w in w.yul(value) }
        case .expression(let e): yul(e)
        case .ifStmt(let condition, let body):
            node("YulIf", condition.range.union(body.range)) { w in
                w.yul(condition)
                w.yul(.block(body))
            }
        case .switchStmt(let value, let cases, let r):
            node("YulSwitch", r) { w in
                w.yul(value)
                for c in cases {
                    w.node(c.value == nil ? "YulDefault" : "YulCase", c.body.range) { w in
                        if let v = c.value { w.yul(v) }
                        w.yul(.block(c.body))
                    }
                }
            }
        case .forLoop(let initializer, let condition, let post, let body):
            node("YulFor", initializer.range.union(body.range)) { w in
                w.yul(.block(initializer))
                w.yul(condition)
                w.yul(.block(post))
                w.yul(.block(body))
            }
        case .function(let name, let parameters, let returns, let body):
            let signature =
                "\(name.name)(\(parameters.map(\.name).joined(separator: ", ")))"
                + (returns.isEmpty ? "" : " -> " + returns.map(\.name).joined(separator: ", "))
            node("YulFunction \(signature)", name.range.union(body.range)) { w in w.yul(.block(body)) }
        case .breakStmt(let r): line("YulBreak", r)
        case .continueStmt(let r): line("YulContinue", r)
        case .leave(let r): line("YulLeave", r)
        }
    }

    mutating func yul(_ e: YulExpression) {
        switch e {
        case .literal(let text, let r): line("YulLiteral \(text)", r)
        case .path(let p): line("YulName \(p.text)", p.range)
        case .call(let name, let arguments, let r):
            node("YulCall \(name.name)", r) { w in for a in arguments { w.yul(a) } }
        }
    }

    mutating func ruleCall(_ call: RuleCall, _ range: SourceRange, role: String?) {
        var text = call.isTry ? "RuleCall try" : "RuleCall"
        var arguments: [Expr] = []
        switch call.target {
        case .function(let name, let args):
            text += " \(name.name)"
            arguments = args
        case .any: text += " any"
        }
        node(text, range, role: role) { w in
            for a in arguments { w.expr(a) }
            if let sender = call.sender { w.expr(sender, role: "from") }
            if let value = call.value { w.expr(value, role: "value") }
        }
    }

    // MARK: - Expressions

    mutating func expr(_ e: Expr, role: String? = nil) {
        switch e.kind {
        case .number(let n):
            line("Number \(n.value) \(quoted(n.text))\(n.isAddressLiteral ? " address" : "")", e.range, role: role)
        case .bool(let b): line("Bool \(b)", e.range, role: role)
        case .newContract(let name): line("New \(name.name)", e.range, role: role)
        case .newArray(let type): line("New \(typeText(type))", e.range, role: role)
        case .arrayType(let type): line("ArrayType \(typeText(type))", e.range, role: role)
        case .namedCall(let callee, let names, let arguments):
            node("NamedCall \(names.map(\.name).joined(separator: ", "))", e.range, role: role) { w in
                w.expr(callee, role: "callee")
                for a in arguments { w.expr(a) }
            }
        case .string(let bytes):
            // Printable text as text, anything else as the hex string it may have been written as.
            let text =
                bytes.allSatisfy { (0x20...0x7E).contains($0) }
                ? quoted(String(decoding: bytes, as: UTF8.self))
                : "hex\"\(hexDigits(bytes))\""
            line("String \(text)", e.range, role: role)
        case .identifier(let name): line("Identifier \(name)", e.range, role: role)
        case .member(let base, let name): node("Member .\(name.name)", e.range, role: role) { w in w.expr(base) }
        case .index(let base, let index):
            node("Index", e.range, role: role) { w in
                w.expr(base, role: "base")
                w.expr(index, role: "index")
            }
        case .slice(let base, let start, let end):
            node("Slice", e.range, role: role) { w in
                w.expr(base, role: "base")
                if let start { w.expr(start, role: "start") }
                if let end { w.expr(end, role: "end") }
            }
        case .call(let callee, let arguments):
            node("Call", e.range, role: role) { w in
                w.expr(callee, role: "callee")
                for a in arguments { w.expr(a) }
            }
        case .callOptions(let callee, let options, let arguments):
            node("CallWithOptions", e.range, role: role) { w in
                w.expr(callee, role: "callee")
                for option in options { w.expr(option.value, role: "option \(option.name.name)") }
                for a in arguments { w.expr(a) }
            }
        case .elementaryType(let t): line("ElementaryType \(t)", e.range, role: role)
        case .typeQuery(let type, let member):
            line("TypeQuery \(typeText(type)) .\(member.name)", e.range, role: role)
        case .unary(let op, let operand): node("Unary \(op.rawValue)", e.range, role: role) { w in w.expr(operand) }
        case .binary(let op, let lhs, let rhs):
            node("Binary \(op.rawValue)", e.range, role: role) { w in
                w.expr(lhs)
                w.expr(rhs)
            }
        case .assignment(let op, let lhs, let rhs):
            node("Assignment \(op.spelling)", e.range, role: role) { w in
                w.expr(lhs)
                w.expr(rhs)
            }
        case .incrementDecrement(let isIncrement, let isPrefix, let operand):
            let text = "\(isIncrement ? "Increment ++" : "Decrement --") \(isPrefix ? "prefix" : "postfix")"
            node(text, e.range, role: role) { w in w.expr(operand) }
        case .conditional(let condition, let thenValue, let elseValue):
            node("Conditional", e.range, role: role) { w in
                w.expr(condition, role: "condition")
                w.expr(thenValue, role: "then")
                w.expr(elseValue, role: "else")
            }
        case .parenthesized(let inner): node("Parenthesized", e.range, role: role) { w in w.expr(inner) }
        case .tuple(let components):
            node("Tuple", e.range, role: role) { w in
                for c in components {
                    if let c { w.expr(c) } else { w.line("Omitted", e.range) }
                }
            }
        case .arrayLiteral(let elements):
            node("ArrayLiteral", e.range, role: role) { w in
                for element in elements { w.expr(element) }
            }
        case .quantifier(let kind, let variable, let body):
            node("Quantifier \(kind.rawValue)", e.range, role: role) { w in
                w.variable("Variable", variable)
                w.expr(body, role: "body")
            }
        }
    }

    // MARK: - Text

    func typeText(_ type: TypeName) -> String {
        switch type {
        case .elementary(let t, _): t.description
        case .mapping(let key, let value, _): "mapping(\(typeText(key)) => \(typeText(value)))"
        case .named(let name): name.name
        case .array(let element, let length, _): "\(typeText(element))[\(length == nil ? "" : "N")]"
        case .function(let f): functionTypeText(f, typeText)
        }
    }

    /// A string in double quotes with `"`, `\` and control characters escaped.
    func quoted(_ s: String) -> String {
        var result = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
