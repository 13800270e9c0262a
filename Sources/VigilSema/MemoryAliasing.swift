import VigilBasics
import VigilSyntax

/// Structs and arrays in memory are references in Solidity: `S memory b = a;` makes `b` a
/// second name of `a`'s object, and passing `a` to an internal function lets the callee write
/// it. Every later stage treats a memory object as a value (a copy per name), which gives the
/// same answers exactly when nothing is written through a name whose object another name may
/// also reach. This check admits a write into a memory object (`x.f = v`, `x[i] = v`, `delete
/// x.f`, `x.f++`) only when its variable `x` owns its object alone:
///
/// - `x` is a local or return variable, or a parameter of a function no code of the contract
///   calls internally (its argument is a fresh copy of the call data);
/// - every value `x` is given whole, and every struct or array stored into a part of it, is
///   fresh: made there (`S(...)`, `new T[](n)`, `[a, b]`, `delete`), copied from storage or call
///   data, returned by an external call, or returned by an internal call that is given no
///   memory object but fresh ones;
/// - nothing of `x` that is a struct or array is given to another name: assigned, passed to an
///   internal function or modifier, or put into another struct or array.
///
/// Any other write into memory is "not supported yet", at the write, with a note saying where
/// the object may be shared.
struct MemoryAliasing {
    let types: [NodeID: SolType]
    let references: [NodeID: Reference]
    let calls: [NodeID: CallTarget]
    let variableTypes: [NodeID: SolType]
    let sources: SourceManager
    /// Whether `t` is a struct or array (arrays are laid out as structs).
    let isReference: (SolType) -> Bool

    /// Memory variables of struct or array type in the body, and whether each may own its
    /// object (false for parameters whose argument may be another name's object).
    private var variables: [NodeID: (name: String, mayOwn: Bool)] = [:]
    /// Why a variable may not own its object, with the place that shares it.
    private var shared: [NodeID: (String, SourceRange)] = [:]
    /// Writes into memory objects, by the variable they go through.
    private var writes: [(variable: NodeID, range: SourceRange)] = []

    init(
        types: [NodeID: SolType], references: [NodeID: Reference], calls: [NodeID: CallTarget],
        variableTypes: [NodeID: SolType], sources: SourceManager, isReference: @escaping (SolType) -> Bool
    ) {
        self.types = types
        self.references = references
        self.calls = calls
        self.variableTypes = variableTypes
        self.sources = sources
        self.isReference = isReference
    }

    /// The diagnostics of one function's or modifier's body. `parametersAreCopies` when its
    /// parameters always hold fresh copies (a function only transactions call).
    mutating func check(
        parameters: [VariableDecl], returns: [VariableDecl], modifierArguments: [Expr], body: Block,
        parametersAreCopies: Bool
    ) -> [Diagnostic] {
        variables = [:]
        shared = [:]
        writes = []
        for p in parameters { declare(p, mayOwn: parametersAreCopies) }
        for r in returns { declare(r, mayOwn: true) }
        for a in modifierArguments { share(a, "it is passed to a modifier") }
        visit(body)
        var diagnostics: [Diagnostic] = []
        for w in writes {
            guard let v = variables[w.variable] else { continue }
            if !v.mayOwn {
                diagnostics.append(
                    .error(
                        "sema.not-supported",
                        "writing into the memory object of parameter '\(v.name)', which the caller's names share, "
                            + "is not supported yet", at: w.range))
            } else if let (why, place) = shared[w.variable] {
                diagnostics.append(
                    .error(
                        "sema.not-supported",
                        "writing into the memory object of '\(v.name)', which another name may share, is not supported yet",
                        at: w.range, notes: [DiagnosticNote("'\(v.name)' may share its object here: \(why)", at: place)]
                    ))
            }
        }
        return diagnostics
    }

    /// Tracks a variable in memory (call data cannot be written, and what it gives is a copy).
    private mutating func declare(_ v: VariableDecl, mayOwn: Bool) {
        guard v.location == .memory, let t = variableTypes[v.id], isReference(t) else { return }
        variables[v.id] = (v.name?.name ?? "_", mayOwn)
    }

    // MARK: - Walking the body

    private mutating func visit(_ block: Block) { for s in block.statements { visit(s) } }

    private mutating func visit(_ s: Stmt) {
        switch s.kind {
        case .variable(let v, let initializer):
            declare(v, mayOwn: true)
            if let initializer {
                visit(initializer)
                give(initializer, to: v.id)
            }
        case .tupleVariable(let vars, let initializer):
            visit(initializer)
            for case let v? in vars { declare(v, mayOwn: true) }
            giveComponents(initializer, to: vars.map { $0?.id })
        case .expression(let e), .delete(let e):
            visit(e)
            if case .delete = s.kind { noteWrite(e, at: s.range) }
        case .block(let b), .unchecked(let b): visit(b)
        case .ifStmt(let c, let t, let e):
            visit(c)
            visit(t)
            if let e { visit(e) }
        case .forStmt(let i, let c, let u, let body):
            if let i { visit(i) }
            if let c { visit(c) }
            if let u { visit(u) }
            visit(body)
        case .whileStmt(let c, let body):
            visit(c)
            visit(body)
        case .returnStmt(let e):
            guard let e else { return }
            visit(e)
            // A returned object leaves with the call; two returned together may be one.
            if case .tuple(let parts) = e.unparenthesized.kind,
                parts.compactMap({ $0 }).filter({ isMemoryObject($0) }).count > 1
            {
                for case let p? in parts { share(p, "it is returned together with another memory object") }
            }
        case .emit(_, let args), .revertError(_, let args): for a in args { visit(a) }
        case .tryStmt(let t):
            visit(t.call)
            for v in t.returns { declare(v, mayOwn: true) }
            visit(t.body)
            for c in t.catches {
                for p in c.parameters { declare(p, mayOwn: true) }
                visit(c.body)
            }
        case .ruleCall, .breakStmt, .continueStmt, .placeholder, .assembly: break
        }
    }

    private mutating func visit(_ e: Expr) {
        switch e.kind {
        case .number, .bool, .string, .identifier, .elementaryType, .typeQuery, .newContract, .newArray, .arrayType:
            break
        case .member(let b, _): visit(b)
        case .index(let b, let i):
            visit(b)
            visit(i)
        case .slice(let b, let s, let end):
            visit(b)
            if let s { visit(s) }
            if let end { visit(end) }
        case .call(let callee, let args), .namedCall(let callee, _, let args):
            visit(callee)
            for a in args { visit(a) }
            sharesArguments(of: e, callee: callee, args)
        case .callOptions(let callee, let options, let args):
            visit(callee)
            for o in options { visit(o.value) }
            for a in args { visit(a) }
        case .unary(_, let x), .parenthesized(let x): visit(x)
        case .incrementDecrement(_, _, let x):
            visit(x)
            noteWrite(x, at: e.range)
        case .binary(_, let a, let b):
            visit(a)
            visit(b)
        case .assignment(_, let lhs, let rhs):
            visit(lhs)
            visit(rhs)
            assign(rhs, to: lhs, at: e.range)
        case .conditional(let a, let b, let c):
            visit(a)
            visit(b)
            visit(c)
        case .tuple(let parts): for case let p? in parts { visit(p) }
        case .arrayLiteral(let elements): for element in elements { visit(element) }
        case .quantifier(_, _, let body): visit(body)
        }
    }

    /// An internal call, a struct value or a modifier holds its memory arguments by reference.
    private mutating func sharesArguments(of call: Expr, callee: Expr, _ args: [Expr]) {
        switch calls[call.id] {
        case .internalFunction?, .structConstructor?, .functionValue?:
            for a in args { share(a, "it is passed to '\(text(callee))'") }
        case .boundFunction?:
            if case .member(let receiver, _) = callee.kind { share(receiver, "it is passed to '\(text(callee))'") }
            for a in args { share(a, "it is passed to '\(text(callee))'") }
        default: break
        }
    }

    // MARK: - Assignments

    private mutating func assign(_ rhs: Expr, to lhs: Expr, at range: SourceRange) {
        if case .tuple(let targets) = lhs.unparenthesized.kind {
            giveComponents(rhs, to: targets.map { $0.flatMap { target in wholeVariable(target) } })
            for case let t? in targets where wholeVariable(t) == nil { assign(component: nil, to: t, at: range) }
            return
        }
        if let v = wholeVariable(lhs) {
            give(rhs, to: v)
        } else {
            assign(component: rhs, to: lhs, at: range)
        }
    }

    /// A write into a part of an object (`x.f = rhs`, `x[i] = rhs`).
    private mutating func assign(component rhs: Expr?, to lhs: Expr, at range: SourceRange) {
        noteWrite(lhs, at: range)
        guard let rhs, let root = memoryRoot(lhs), isMemoryObject(rhs) else { return }
        share(rhs, "it is stored into '\(text(lhs))'")
        if !isFresh(rhs) { markShared(root, "it holds '\(text(rhs))', which another name holds", rhs.range) }
    }

    /// `v` is given the value of `e` whole (a declaration's value, `v = e`).
    private mutating func give(_ e: Expr, to v: NodeID) {
        guard variables[v] != nil else { return }
        share(e, "it is assigned to another name")
        if !isFresh(e) { markShared(v, "it is given '\(text(e))', which another name may hold", e.range) }
    }

    /// The components of a tuple value given to variables (nil where none, or not a whole variable).
    private mutating func giveComponents(_ e: Expr, to targets: [NodeID?]) {
        if case .tuple(let parts) = e.unparenthesized.kind, parts.count == targets.count {
            for (p, t) in zip(parts, targets) {
                guard let p else { continue }
                if let t { give(p, to: t) } else { share(p, "it is assigned to another name") }
            }
            return
        }
        // Several values from a call: fresh only when the call is and returns one object at most.
        var objects = 0
        if case .tuple(let ts)? = types[e.id] { objects = ts.filter(isReference).count }
        let fresh = isFresh(e) && objects <= 1
        for case let t? in targets where variables[t] != nil && !fresh {
            markShared(t, "it is given a value of '\(text(e))', which another name may hold", e.range)
        }
    }

    private mutating func noteWrite(_ target: Expr, at range: SourceRange) {
        guard wholeVariable(target) == nil, let root = memoryRoot(target) else { return }
        writes.append((root, range))
    }

    private mutating func markShared(_ v: NodeID, _ why: String, _ place: SourceRange) {
        if shared[v] == nil { shared[v] = (why, place) }
    }

    /// `e`'s object is held by another name from now on: every variable whose object `e` may be
    /// (or be part of) stops owning it alone.
    private mutating func share(_ e: Expr, _ why: String) {
        guard isMemoryObject(e) else { return }
        switch e.unparenthesized.kind {
        case .conditional(_, let a, let b):
            share(a, why)
            share(b, why)
        case .tuple(let parts):
            for case let p? in parts { share(p, why) }
        default:
            if let root = memoryRoot(e) { markShared(root, why, e.range) }
        }
    }

    // MARK: - What an expression is

    /// Whether `e` is a struct or array value.
    private func isMemoryObject(_ e: Expr) -> Bool {
        if case .tuple(let parts) = e.unparenthesized.kind {
            return parts.contains { $0.map(isMemoryObject) ?? false }
        }
        return types[e.id].map(isReference) ?? false
    }

    /// Whether no name but the one it is given to can reach `e`'s object.
    private func isFresh(_ e: Expr) -> Bool {
        let e = e.unparenthesized
        switch e.kind {
        case .conditional(_, let a, let b): return isFresh(a) && isFresh(b)
        case .tuple(let parts): return parts.allSatisfy { $0.map(isFresh) ?? true }
        case .arrayLiteral: return true  // of values only (ExpressionChecker.arrayLiteralType)
        case .call(let callee, let args), .namedCall(let callee, _, let args):
            switch calls[e.id] {
            case .internalFunction?, .structConstructor?, .functionValue?:
                return args.allSatisfy { !isMemoryObject($0) || isFresh($0) }
            case .boundFunction?:
                let receiverFresh: Bool =
                    if case .member(let r, _) = callee.kind { !isMemoryObject(r) || isFresh(r) } else { true }
                return receiverFresh && args.allSatisfy { !isMemoryObject($0) || isFresh($0) }
            default: return true
            }
        default:
            return memoryRoot(e) == nil
        }
    }

    /// The memory variable a path (`x`, `x.f`, `x[i].g`) starts at, if it starts at one.
    private func memoryRoot(_ e: Expr) -> NodeID? {
        switch e.kind {
        case .identifier:
            guard case .local(let id)? = references[e.id], variables[id] != nil else { return nil }
            return id
        case .member(let b, _), .index(let b, _), .parenthesized(let b): return memoryRoot(b)
        default: return nil
        }
    }

    /// The memory variable `e` names whole, if it does.
    private func wholeVariable(_ e: Expr) -> NodeID? {
        let e = e.unparenthesized
        guard case .identifier = e.kind, case .local(let id)? = references[e.id], variables[id] != nil else {
            return nil
        }
        return id
    }

    private func text(_ e: Expr) -> String { sources[e.range.file].text(of: e.range) }
}
