import VigilBasics
import VigilSyntax

/// Copies a base contract's declarations into a derived contract with fresh node ids, so each
/// contract's analysis has side-table entries of its own (a base's state variable has a
/// different index in each derived contract). Source ranges stay those of the base, so
/// diagnostics, traces and property names point at the code as written.
///
/// On the way it renames identifiers (`renames`, used for constructor parameters moved into
/// a synthesized constructor) and the callees `super.f` and `Base.f` (`callee`), which the
/// flattened contract calls by the name of the implementation that runs.
struct DeclarationCopier {
    /// The next id handed out; copies count down from -2 (-1 is the implicit constructor's).
    private(set) var next: Int
    var renames: [String: String] = [:]
    /// Named types renamed (a library's `S` is `L.S` outside it).
    var typeRenames: [String: String] = [:]
    /// The name a `super.f` or `Base.f` callee (called with that many arguments) stands for, or
    /// nil to copy it as written.
    var callee: (Expr, Int) -> String? = { _, _ in nil }

    init(startingAt next: Int = -2) { self.next = next }

    mutating func makeID() -> NodeID {
        defer { next -= 1 }
        return NodeID(next)
    }

    mutating func variable(_ v: VariableDecl) -> VariableDecl {
        VariableDecl(id: makeID(), type: typeName(v.type), location: v.location, name: v.name, range: v.range)
    }

    func typeName(_ t: TypeName) -> TypeName {
        switch t {
        case .elementary: t
        case .mapping(let k, let v, let r): .mapping(key: typeName(k), value: typeName(v), range: r)
        case .named(let id): typeRenames[id.name].map { .named(Identifier($0, id.range)) } ?? t
        case .array(let element, let length, let r): .array(element: typeName(element), length: length, range: r)
        case .function(let f):
            .function(
                FunctionTypeName(
                    parameters: f.parameters.map(typeName), returns: f.returns.map(typeName), isExternal: f.isExternal,
                    mutability: f.mutability, range: f.range))
        }
    }

    mutating func stateVariable(_ v: StateVariableDecl, named name: Identifier? = nil) -> StateVariableDecl {
        StateVariableDecl(
            id: makeID(), type: typeName(v.type), name: name ?? v.name, visibility: v.visibility,
            isConstant: v.isConstant,
            isImmutable: v.isImmutable, initializer: v.initializer.map { expr($0) }, range: v.range,
            inheritance: v.inheritance)
    }

    /// A copy of `f`, optionally under another name, kind and visibility, with `ensures` clauses replaced.
    mutating func function(
        _ f: FunctionDecl, name: Identifier? = nil, kind: FunctionKind? = nil, visibility: Visibility? = nil,
        modifiers: [ModifierInvocation]? = nil, ensures: [EnsuresClause]? = nil
    ) -> FunctionDecl {
        FunctionDecl(
            id: makeID(), kind: kind ?? f.kind, name: name ?? f.name, parameters: f.parameters.map { variable($0) },
            visibility: visibility ?? f.visibility, mutability: f.mutability,
            modifiers: (modifiers ?? f.modifiers).map { modifierInvocation($0) },
            returns: f.returns.map { variable($0) },
            ensures: ensures ?? f.ensures.map { EnsuresClause(expression: expr($0.expression), range: $0.range) },
            body: f.body.map { block($0) }, range: f.range, inheritance: f.inheritance)
    }

    mutating func modifierInvocation(_ m: ModifierInvocation) -> ModifierInvocation {
        ModifierInvocation(name: m.name, arguments: m.arguments.map { expr($0) }, range: m.range)
    }

    mutating func modifier(_ m: ModifierDecl) -> ModifierDecl {
        ModifierDecl(
            id: makeID(), name: m.name, parameters: m.parameters.map { variable($0) }, body: block(m.body),
            range: m.range, inheritance: m.inheritance, isImplemented: m.isImplemented)
    }

    mutating func property(_ p: PropertyDecl) -> PropertyDecl {
        switch p {
        case .invariant(let name, let e, let range): .invariant(name: name, expression: expr(e), range: range)
        case .ensures(let function, let e, let range): .ensures(function: function, expression: expr(e), range: range)
        case .trusted(let e, let range): .trusted(expression: expr(e), range: range)
        case .rule(let r):
            .rule(
                RuleDecl(
                    id: makeID(), name: r.name, parameters: r.parameters.map { variable($0) }, body: block(r.body),
                    range: r.range))
        }
    }

    mutating func block(_ b: Block) -> Block {
        Block(statements: b.statements.map { stmt($0) }, range: b.range)
    }

    mutating func stmt(_ s: Stmt) -> Stmt {
        let kind: Stmt.Kind
        switch s.kind {
        case .variable(let v, let initializer):
            let value = initializer.map { expr($0) }
            kind = .variable(variable(v), initializer: value)
        case .tupleVariable(let vs, let initializer):
            let value = expr(initializer)
            kind = .tupleVariable(vs.map { $0.map { variable($0) } }, initializer: value)
        case .expression(let e): kind = .expression(expr(e))
        case .block(let b): kind = .block(block(b))
        case .unchecked(let b): kind = .unchecked(block(b))
        case .ifStmt(let c, let t, let e):
            kind = .ifStmt(condition: expr(c), then: stmt(t), else: e.map { stmt($0) })
        case .forStmt(let i, let c, let u, let body):
            kind = .forStmt(
                initializer: i.map { stmt($0) }, condition: c.map { expr($0) }, update: u.map { expr($0) },
                body: stmt(body))
        case .whileStmt(let c, let body): kind = .whileStmt(condition: expr(c), body: stmt(body))
        case .breakStmt, .continueStmt, .placeholder, .assembly: kind = s.kind
        case .tryStmt(let t):
            let call = expr(t.call)
            let returns = t.returns.map { variable($0) }
            let body = block(t.body)
            var catches: [CatchClause] = []
            for c in t.catches {
                let parameters = c.parameters.map { variable($0) }
                catches.append(CatchClause(kind: c.kind, parameters: parameters, body: block(c.body), range: c.range))
            }
            kind = .tryStmt(TryStatement(call: call, returns: returns, body: body, catches: catches))
        case .returnStmt(let e): kind = .returnStmt(e.map { expr($0) })
        case .emit(let event, let args): kind = .emit(event: renamed(event), arguments: args.map { expr($0) })
        case .revertError(let error, let args):
            kind = .revertError(error: renamed(error), arguments: args.map { expr($0) })
        case .delete(let e): kind = .delete(expr(e))
        case .ruleCall(let c):
            let target: RuleCallTarget
            switch c.target {
            case .function(let f, let args): target = .function(f, arguments: args.map { expr($0) })
            case .any: target = c.target
            }
            kind = .ruleCall(
                RuleCall(
                    isTry: c.isTry, target: target, sender: c.sender.map { expr($0) }, value: c.value.map { expr($0) },
                    range: c.range))
        }
        return Stmt(id: makeID(), kind: kind, range: s.range)
    }

    mutating func expr(_ e: Expr) -> Expr {
        let kind: Expr.Kind
        switch e.kind {
        case .number, .bool, .string, .elementaryType, .newContract: kind = e.kind
        case .newArray(let t): kind = .newArray(typeName(t))
        case .arrayType(let t): kind = .arrayType(typeName(t))
        case .typeQuery(let t, let member): kind = .typeQuery(type: typeName(t), member: member)
        case .identifier(let name): kind = .identifier(renames[name] ?? name)
        case .member(let base, let name): kind = .member(base: expr(base), name: name)
        case .index(let base, let index): kind = .index(base: expr(base), index: expr(index))
        case .slice(let base, let start, let end):
            kind = .slice(base: expr(base), start: start.map { expr($0) }, end: end.map { expr($0) })
        case .call(let callee, let args):
            kind = .call(callee: calleeCopy(callee, args.count), arguments: args.map { expr($0) })
        case .namedCall(let callee, let names, let args):
            kind = .namedCall(callee: calleeCopy(callee, args.count), names: names, arguments: args.map { expr($0) })
        case .callOptions(let callee, let options, let args):
            kind = .callOptions(
                callee: calleeCopy(callee, args.count), options: options.map { ($0.name, expr($0.value)) },
                arguments: args.map { expr($0) })
        case .unary(let op, let x): kind = .unary(op, expr(x))
        case .binary(let op, let a, let b): kind = .binary(op, expr(a), expr(b))
        case .assignment(let op, let lhs, let rhs): kind = .assignment(op, lhs: expr(lhs), rhs: expr(rhs))
        case .incrementDecrement(let inc, let prefix, let x):
            kind = .incrementDecrement(isIncrement: inc, isPrefix: prefix, expr(x))
        case .conditional(let c, let a, let b): kind = .conditional(expr(c), expr(a), expr(b))
        case .parenthesized(let x): kind = .parenthesized(expr(x))
        case .tuple(let components): kind = .tuple(components.map { $0.map { expr($0) } })
        case .arrayLiteral(let elements): kind = .arrayLiteral(elements.map { expr($0) })
        case .quantifier(let q, let v, let body): kind = .quantifier(q, variable: variable(v), body: expr(body))
        }
        return Expr(id: makeID(), kind: kind, range: e.range)
    }

    private func renamed(_ id: Identifier) -> Identifier {
        renames[id.name].map { Identifier($0, id.range) } ?? id
    }

    private mutating func calleeCopy(_ callee: Expr, _ count: Int) -> Expr {
        if let name = self.callee(callee, count) {
            return Expr(id: makeID(), kind: .identifier(name), range: callee.range)
        }
        return expr(callee)
    }
}
