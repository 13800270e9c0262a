import VigilSyntax

/// Visits every expression of a contract's members, outermost first: state variable
/// initialisers, function and modifier bodies with their arguments and `ensures`, and
/// inline properties.
func forEachExpression(in members: [ContractMember], _ visit: (Expr) -> Void) {
    for member in members {
        switch member {
        case .stateVariable(let v): if let e = v.initializer { forEachExpression(in: e, visit) }
        case .function(let f):
            for m in f.modifiers { for a in m.arguments { forEachExpression(in: a, visit) } }
            for clause in f.ensures { forEachExpression(in: clause.expression, visit) }
            if let body = f.body { forEachExpression(in: body, visit) }
        case .modifier(let m): forEachExpression(in: m.body, visit)
        case .property(let p):
            switch p {
            case .invariant(_, let e, _), .ensures(_, let e, _), .trusted(let e, _): forEachExpression(in: e, visit)
            case .rule(let r): forEachExpression(in: r.body, visit)
            }
        case .event, .error, .structDecl, .enumDecl, .using, .userType: break
        }
    }
}

func forEachExpression(in block: Block, _ visit: (Expr) -> Void) {
    for s in block.statements { forEachExpression(in: s, visit) }
}

func forEachExpression(in s: Stmt, _ visit: (Expr) -> Void) {
    switch s.kind {
    case .variable(_, let e): if let e { forEachExpression(in: e, visit) }
    case .tupleVariable(_, let e), .expression(let e), .delete(let e): forEachExpression(in: e, visit)
    case .block(let b), .unchecked(let b): forEachExpression(in: b, visit)
    case .ifStmt(let c, let t, let e):
        forEachExpression(in: c, visit)
        forEachExpression(in: t, visit)
        if let e { forEachExpression(in: e, visit) }
    case .forStmt(let i, let c, let u, let body):
        if let i { forEachExpression(in: i, visit) }
        if let c { forEachExpression(in: c, visit) }
        if let u { forEachExpression(in: u, visit) }
        forEachExpression(in: body, visit)
    case .whileStmt(let c, let body):
        forEachExpression(in: c, visit)
        forEachExpression(in: body, visit)
    case .returnStmt(let e): if let e { forEachExpression(in: e, visit) }
    case .emit(_, let args), .revertError(_, let args): for a in args { forEachExpression(in: a, visit) }
    case .ruleCall(let c):
        if case .function(_, let args) = c.target { for a in args { forEachExpression(in: a, visit) } }
        if let e = c.sender { forEachExpression(in: e, visit) }
        if let e = c.value { forEachExpression(in: e, visit) }
    case .tryStmt(let t):
        forEachExpression(in: t.call, visit)
        forEachExpression(in: t.body, visit)
        for c in t.catches { forEachExpression(in: c.body, visit) }
    case .breakStmt, .continueStmt, .placeholder, .assembly: break
    }
}

func forEachExpression(in e: Expr, _ visit: (Expr) -> Void) {
    visit(e)
    switch e.kind {
    case .number, .bool, .string, .identifier, .elementaryType, .typeQuery, .newContract, .newArray, .arrayType: break
    case .member(let b, _): forEachExpression(in: b, visit)
    case .index(let b, let i):
        forEachExpression(in: b, visit)
        forEachExpression(in: i, visit)
    case .slice(let b, let s, let end):
        forEachExpression(in: b, visit)
        if let s { forEachExpression(in: s, visit) }
        if let end { forEachExpression(in: end, visit) }
    case .call(let c, let args), .namedCall(let c, _, let args):
        forEachExpression(in: c, visit)
        for a in args { forEachExpression(in: a, visit) }
    case .callOptions(let c, let options, let args):
        forEachExpression(in: c, visit)
        for o in options { forEachExpression(in: o.value, visit) }
        for a in args { forEachExpression(in: a, visit) }
    case .unary(_, let x), .parenthesized(let x), .incrementDecrement(_, _, let x): forEachExpression(in: x, visit)
    case .binary(_, let a, let b), .assignment(_, let a, let b):
        forEachExpression(in: a, visit)
        forEachExpression(in: b, visit)
    case .conditional(let a, let b, let c):
        forEachExpression(in: a, visit)
        forEachExpression(in: b, visit)
        forEachExpression(in: c, visit)
    case .quantifier(_, _, let body): forEachExpression(in: body, visit)
    case .tuple(let components): for c in components { if let c { forEachExpression(in: c, visit) } }
    case .arrayLiteral(let elements): for element in elements { forEachExpression(in: element, visit) }
    }
}

/// The names an expression mentions (identifiers, callees included).
func identifiers(in e: Expr) -> [String] {
    var names: [String] = []
    forEachExpression(in: e) { if case .identifier(let n) = $0.kind { names.append(n) } }
    return names
}
