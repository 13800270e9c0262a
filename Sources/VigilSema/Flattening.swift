import VigilBasics
import VigilSyntax

// Inheritance, part three: a derived contract as one contract. The engines and the
// interpreter see the flattened members, with `super` resolved, and one constructor that runs
// the bases' constructors in linearization order.

extension Analyzer {
    /// Checks `decl`'s `virtual`/`override` and implementations, and returns it with its bases'
    /// members (a contract without bases as written): state variables base first; for each
    /// function and modifier the implementation that runs, with the `ensures` of the functions it
    /// overrides; overridden implementations that `super.f` or `Base.f` call, as internal
    /// functions named `Base.f`; inherited inline properties; and a constructor that evaluates the
    /// base constructors' arguments and runs `Base.constructor` parts base first.
    func flatten(_ decl: ContractDecl) -> ContractDecl {
        let name = decl.name.name
        let table = inheritedMembers(of: name)
        let unimplemented = checkOverrides(of: name, members: table)
        if !decl.isAbstract, decl.kind == .contract, !unimplemented.isEmpty {
            let names = unimplemented.map { "'\($0.name.name)'" }.joined(separator: ", ")
            bag.error(
                "sema.missing-implementation",
                "contract '\(name)' has no implementation of \(names): implement \(unimplemented.count == 1 ? "it" : "them") "
                    + "or mark the contract 'abstract'",
                at: decl.name.range,
                notes: unimplemented.map { DiagnosticNote("declared in '\($0.contract)' here", at: $0.name.range) })
        }
        var flat = decl
        if !decl.bases.isEmpty {
            let flattener = Flattener(analyzer: self, contract: decl, table: table)
            flat = flattener.run()
            copier = flattener.copier
        }
        let (linked, libraries) = linkedMembers(of: name, members: flat.members)
        usings[name] = activeUsings(of: name, linking: libraries)
        guard !linked.isEmpty else { return flat }
        return ContractDecl(
            kind: flat.kind, name: flat.name, isAbstract: flat.isAbstract, bases: flat.bases,
            members: linkedConstants(linked) + flat.members + linked.filter { !$0.isStateVariable },
            range: flat.range)
    }
}

/// The flattening of one contract; see `Analyzer.flatten`.
private final class Flattener {
    let analyzer: Analyzer
    let contract: ContractDecl
    let name: String
    /// The linearization, most derived first.
    let order: [String]
    /// The contracts (not interfaces) of the linearization, most base-like first.
    let chain: [String]
    let table: [String: [InheritedMember]]
    var copier: DeclarationCopier
    /// Overridden implementations called through `super` or `Base.f`, added as `Base.f`.
    var needed: [(contract: String, function: String)] = []
    var added: Set<String> = []

    init(analyzer: Analyzer, contract: ContractDecl, table: [String: [InheritedMember]]) {
        self.analyzer = analyzer
        self.contract = contract
        self.name = contract.name.name
        self.order = analyzer.linearization(of: contract.name.name)
        self.chain = order.reversed().filter { analyzer.inheritable($0)?.kind == .contract }
        self.table = table
        self.copier = analyzer.copier
    }

    func decl(_ c: String) -> ContractDecl { analyzer.inheritable(c)! }

    /// The implementation a call of the function of key `key` runs: the most derived one with a body.
    func implementation(_ key: String) -> InheritedMember? {
        table[key]?.first { $0.function?.body != nil }
    }

    /// The key of the function named `name` taking `count` arguments (the first, among overloads
    /// of one arity).
    func key(of name: String, arguments count: Int) -> String? {
        table.keys.sorted().first { key in
            table[key]!.contains { $0.function?.name.name == name && $0.function?.parameters.count == count }
        }
    }

    /// The name a `super.f` or `Base.f` callee written in contract `lexical` runs under.
    func calleeName(_ callee: Expr, arguments count: Int, writtenIn lexical: String) -> String? {
        guard case .member(let base, let member) = callee.kind, case .identifier(let written) = base.kind,
            let key = key(of: member.name, arguments: count)
        else { return nil }
        let b = written == "super" ? written : analyzer.global(written, from: base.range.file)
        let implemented = (table[key] ?? []).filter { $0.function?.body != nil }.map(\.contract)
        let target: String?
        if b == "super" {
            guard let i = order.firstIndex(of: lexical) else { return nil }
            target = order[(i + 1)...].first { implemented.contains($0) }
        } else if order.contains(b), implemented.contains(b) {
            target = b
        } else {
            return nil
        }
        guard let target else { return nil }
        if implementation(key)?.contract == target { return member.name }
        let hidden = "\(target).\(member.name)"
        if added.insert("\(target).\(key)").inserted { needed.append((target, key)) }
        return hidden
    }

    /// For each base, its private state variables that a more derived contract declares again
    /// (solc allows it: a private variable is not visible there), renamed `Base.name`.
    lazy var hiddenPrivates: [String: [String: String]] = {
        var result: [String: [String: String]] = [:]
        for (i, c) in chain.enumerated() {
            for case .stateVariable(let v) in decl(c).members where v.visibility == .private {
                let later = chain[(i + 1)...].contains { d in
                    decl(d).members.contains {
                        if case .stateVariable(let w) = $0 { w.name.name == v.name.name } else { false }
                    }
                }
                if later { result[c, default: [:]][v.name.name] = "\(c).\(v.name.name)" }
            }
        }
        return result
    }()

    /// Runs `body` with the copier resolving callees as written in contract `lexical`.
    func copy<T>(in lexical: String, renames: [String: String] = [:], _ body: (inout DeclarationCopier) -> T) -> T {
        copier.callee = { [unowned self] e, count in self.calleeName(e, arguments: count, writtenIn: lexical) }
        copier.renames = (hiddenPrivates[lexical] ?? [:]).merging(renames) { _, given in given }
        defer { copier.renames = [:] }
        return body(&copier)
    }

    func run() -> ContractDecl {
        var members: [ContractMember] = []
        for c in chain {
            for case .stateVariable(let v) in decl(c).members {
                let name = hiddenPrivates[c]?[v.name.name].map { Identifier($0, v.name.range) }
                members.append(.stateVariable(copy(in: c) { $0.stateVariable(v, named: name) }))
            }
        }
        for m in contract.members {
            switch m {
            case .event, .error, .structDecl, .enumDecl: members.append(m)
            default: break
            }
        }
        var emitted: Set<String> = []
        for c in chain {
            for m in decl(c).members {
                switch m {
                case .function(let f) where f.kind != .constructor:
                    let key = analyzer.signatureKey(f, in: c)
                    guard emitted.insert(key).inserted, let selected = table[key]?.first, let g = selected.function
                    else { continue }
                    let ensures = inheritedEnsures(of: g, selected: selected)
                    members.append(.function(copy(in: selected.contract) { $0.function(g, ensures: ensures) }))
                case .modifier(let mod):
                    guard emitted.insert("modifier \(mod.name.name)").inserted,
                        let selected = table["modifier \(mod.name.name)"]?.first?.modifier,
                        let owner = table["modifier \(mod.name.name)"]?.first?.contract
                    else { continue }
                    members.append(.modifier(copy(in: owner) { $0.modifier(selected) }))
                case .property(let p):
                    members.append(.property(copy(in: c) { $0.property(p) }))
                default:
                    break
                }
            }
        }
        members += constructorMembers()
        var next = 0
        while next < needed.count {
            let (owner, key) = needed[next]
            next += 1
            guard let g = table[key]?.first(where: { $0.contract == owner })?.function else { continue }
            members.append(
                .function(
                    copy(in: owner) {
                        $0.function(
                            g, name: Identifier("\(owner).\(g.name.name)", g.name.range), visibility: .internal,
                            ensures: [])
                    }))
        }
        checkInitializers(members)
        return ContractDecl(
            kind: contract.kind, name: contract.name, isAbstract: contract.isAbstract, bases: contract.bases,
            members: members, range: contract.range)
    }

    /// The `ensures` of the selected implementation and of every function it overrides, the
    /// overridden ones' parameters renamed to the implementation's.
    private func inheritedEnsures(of g: FunctionDecl, selected: InheritedMember) -> [EnsuresClause] {
        var clauses: [EnsuresClause] = []
        for d in table[analyzer.signatureKey(g, in: selected.contract)] ?? [] {
            guard let f = d.function else { continue }
            var renames: [String: String] = [:]
            for (p, q) in zip(f.parameters, g.parameters) {
                if let from = p.name?.name, let to = q.name?.name { renames[from] = to }
            }
            for clause in f.ensures {
                clauses.append(
                    EnsuresClause(
                        expression: copy(in: d.contract, renames: renames) { $0.expr(clause.expression) },
                        range: clause.range))
            }
        }
        return clauses
    }

    // MARK: - Constructors

    private struct BaseArguments {
        let base: String
        let givenBy: String
        let arguments: [Expr]
        let range: SourceRange
    }

    /// Where each base constructor gets its arguments: `is B(args)` or a constructor's `B(args)`.
    private func baseArguments() -> [BaseArguments] {
        var given: [BaseArguments] = []
        func record(_ base: String, _ arguments: [Expr], by y: String, at range: SourceRange) {
            // An unknown base is reported by the linearization.
            guard analyzer.inheritable(base) != nil else { return }
            if let previous = given.first(where: { $0.base == base }) {
                analyzer.bag.error(
                    "sema.base-arguments-twice", "the arguments of the constructor of '\(base)' are given twice",
                    at: range, notes: [DiagnosticNote("first given here", at: previous.range)])
                return
            }
            given.append(BaseArguments(base: base, givenBy: y, arguments: arguments, range: range))
        }
        for y in order where analyzer.inheritable(y)?.kind == .contract {
            for b in decl(y).bases {
                if let args = b.arguments { record(baseKey(b.name), args, by: y, at: b.range) }
            }
            for m in constructor(of: y)?.modifiers ?? [] where analyzer.contractDecls[baseKey(m.name)] != nil {
                let base = baseKey(m.name)
                if !analyzer.linearization(of: y).dropFirst().contains(base) {
                    analyzer.bag.error("sema.not-a-base", "'\(m.name.name)' is not a base of '\(y)'", at: m.name.range)
                    continue
                }
                record(base, m.arguments, by: y, at: m.range)
            }
        }
        return given
    }

    private func constructor(of c: String) -> FunctionDecl? {
        for case .function(let f) in decl(c).members where f.kind == .constructor { return f }
        return nil
    }

    /// A constructor's own modifiers, without the base constructor invocations.
    private func ownModifiers(_ f: FunctionDecl) -> [ModifierInvocation] {
        f.modifiers.filter { analyzer.contractDecls[baseKey($0.name)] == nil }
    }

    /// The key of a contract named as written after `is` or in a constructor's header.
    private func baseKey(_ name: Identifier) -> String {
        analyzer.global(name.name, from: name.range.file)
    }

    private func constructorMembers() -> [ContractMember] {
        let given = baseArguments()
        let own = constructor(of: name)
        let withConstructor = chain.filter { constructor(of: $0) != nil }
        for g in given where constructor(of: g.base) == nil && !g.arguments.isEmpty {
            analyzer.bag.add(SemaDiagnostics.argumentCount(g.base, expected: 0, got: g.arguments.count, g.range))
        }
        guard withConstructor.contains(where: { $0 != name }), !contract.isAbstract else {
            guard let own else { return [] }
            return [.function(copy(in: name) { $0.function(own, modifiers: ownModifiers(own)) })]
        }
        let range = own?.range ?? contract.name.range
        var statements: [Stmt] = []
        func local(_ base: String, _ p: VariableDecl, _ i: Int) -> String { "\(base)$\(p.name?.name ?? "\(i)")" }
        let ownParameterNames = Set(own?.parameters.compactMap(\.name?.name) ?? [])
        // The arguments, most derived first: a base's arguments may use its derived contract's parameters.
        var supplied: Set<String> = []
        for g in given {
            guard let ctor = constructor(of: g.base) else { continue }
            guard ctor.parameters.count == g.arguments.count else {
                analyzer.bag.add(
                    SemaDiagnostics.argumentCount(
                        g.base, expected: ctor.parameters.count, got: g.arguments.count, g.range))
                continue
            }
            var renames: [String: String] = [:]
            if g.givenBy != name, let by = constructor(of: g.givenBy) {
                for (i, p) in by.parameters.enumerated() {
                    if let n = p.name?.name { renames[n] = local(g.givenBy, p, i) }
                }
            }
            for a in g.arguments where g.givenBy != name {
                for n in identifiers(in: a) where ownParameterNames.contains(n) && renames[n] == nil {
                    analyzer.bag.add(
                        SemaDiagnostics.notSupported(
                            "a base constructor argument naming '\(n)', which is also a parameter of the constructor of '\(name)',",
                            a.range))
                }
            }
            for (i, (p, a)) in zip(ctor.parameters, g.arguments).enumerated() {
                let value = copy(in: g.givenBy, renames: renames) { $0.expr(a) }
                let v = VariableDecl(
                    id: copier.makeID(), type: p.type, location: p.location,
                    name: Identifier(local(g.base, p, i), a.range), range: a.range)
                statements.append(Stmt(id: copier.makeID(), kind: .variable(v, initializer: value), range: a.range))
            }
            supplied.insert(g.base)
        }
        var parts: [ContractMember] = []
        let parameters = own.map { f in f.parameters.map { copier.variable($0) } } ?? []
        for c in withConstructor {
            let ctor = constructor(of: c)!
            let arguments: [String]
            if c == name {
                arguments = parameters.enumerated().map { i, p in p.name?.name ?? "" }
            } else {
                guard supplied.contains(c) || ctor.parameters.isEmpty else {
                    if given.contains(where: { $0.base == c }) { continue }  // reported above
                    analyzer.bag.error(
                        "sema.base-arguments-missing",
                        "no arguments for the constructor of '\(c)': give them in 'is \(c)(...)' or in the constructor "
                            + "of '\(name)', or mark '\(name)' abstract", at: contract.name.range,
                        notes: [DiagnosticNote("the constructor of '\(c)' is here", at: ctor.name.range)])
                    continue
                }
                arguments = ctor.parameters.enumerated().map { i, p in local(c, p, i) }
            }
            let partName = "\(c).constructor"
            parts.append(
                .function(
                    copy(in: c) {
                        $0.function(
                            ctor, name: Identifier(partName, ctor.name.range), kind: .function, visibility: .internal,
                            modifiers: ownModifiers(ctor), ensures: [])
                    }))
            let callee = Expr(id: copier.makeID(), kind: .identifier(partName), range: ctor.name.range)
            let args = arguments.map { Expr(id: copier.makeID(), kind: .identifier($0), range: ctor.name.range) }
            let call = Expr(id: copier.makeID(), kind: .call(callee: callee, arguments: args), range: ctor.name.range)
            statements.append(Stmt(id: copier.makeID(), kind: .expression(call), range: ctor.name.range))
        }
        let synthesized = FunctionDecl(
            id: copier.makeID(), kind: .constructor,
            name: Identifier("constructor", own?.name.range ?? contract.name.range),
            parameters: parameters, visibility: .public, mutability: own?.mutability ?? .nonpayable, modifiers: [],
            returns: [], ensures: [], body: Block(statements: statements, range: own?.body?.range ?? range),
            range: range)
        return [.function(synthesized)] + parts
    }

    /// The initializers of all contracts run before the first constructor (solc runs each
    /// contract's just before its constructor): the same only when no initializer reads state
    /// that a base's constructor may have written.
    private func checkInitializers(_ members: [ContractMember]) {
        guard chain.dropLast().contains(where: { constructor(of: $0) != nil }) else { return }
        var stateNames: Set<String> = []
        var functionNames: Set<String> = []
        for m in members {
            if case .stateVariable(let v) = m, !v.isConstant { stateNames.insert(v.name.name) }
            if case .function(let f) = m { functionNames.insert(f.name.name) }
        }
        let firstWithConstructor = chain.firstIndex { constructor(of: $0) != nil }!
        for c in chain[(firstWithConstructor + 1)...] {
            for case .stateVariable(let v) in decl(c).members {
                guard let e = v.initializer else { continue }
                if identifiers(in: e).contains(where: { stateNames.contains($0) || functionNames.contains($0) }) {
                    analyzer.bag.add(
                        SemaDiagnostics.notSupported(
                            "an initial value that reads state, in a contract whose base has a constructor,", e.range))
                }
            }
        }
    }
}

/// The linked constants in declaration order (a constant may be defined from an earlier one).
private func linkedConstants(_ linked: [ContractMember]) -> [ContractMember] {
    linked.filter(\.isStateVariable).sorted { a, b in
        guard case .stateVariable(let x) = a, case .stateVariable(let y) = b else { return false }
        return (x.range.file, x.range.start) < (y.range.file, y.range.start)
    }
}

extension ContractMember {
    var isStateVariable: Bool {
        if case .stateVariable = self { return true }
        return false
    }
}
