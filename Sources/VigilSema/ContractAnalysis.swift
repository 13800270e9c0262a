import BigInt
import VigilBasics
import VigilSyntax

/// Where the body being checked sits, which decides what it may use.
enum BodyMode {
    case code
    case modifier
    case invariant
    case ensures(FunctionInfo)
    case trusted
    case rule

    var isProperty: Bool {
        switch self {
        case .code, .modifier: false
        default: true
        }
    }
}

/// The contract whose members are being checked.
struct ContractScope {
    var name: String
    /// The file the contract is declared in.
    var file: FileID
    /// The contract's own declaration (its bases' code lies outside it).
    var declaration: SourceRange
    /// The `using` directives active in its code.
    var usings: [UsingDirective] = []
    var stateVariables: [StateVariableInfo] = []
    var stateIndex: [String: Int] = [:]
    var functions: [String: FunctionInfo] = [:]
    /// The keys (`f(uint256)`) of each overloaded function name.
    var overloads: [String: [String]] = [:]
    var modifiers: [String: ModifierDecl] = [:]
    /// What each modifier's body does, which every function it is applied to does too (for
    /// the `view` and `pure` checks).
    var modifierEffects: [String: ModifierEffects] = [:]
    var asserts: [AssertInfo] = []
    /// Which of `tx.origin`, `block.timestamp` and `block.number` the contract's code and properties read.
    var environmentReads: Set<Reference> = []
    /// Internal calls (functions and modifiers) made by each function or modifier, for recursion detection.
    var callGraph: [String: [(callee: String, range: SourceRange)]] = [:]
    /// The code of its own, its bases' and linked libraries' that the engines over-approximate.
    var abstractions: [Abstraction] = []
    /// Functions named as values (not called) so far, by the expression naming each; a callee's
    /// name is removed again (see `ContractInfo.functionValues`).
    var functionValueUses: [NodeID: String] = [:]
    /// The functions and modifiers that call through a function value.
    var functionValueCallers: [(owner: String, range: SourceRange)] = []
}

/// Whether a modifier's body changes state, hands over control, or reads state.
struct ModifierEffects {
    var writesState: Bool
    var handsOverControl: Bool
    var readsState: Bool
}

/// What the checker tracks inside one body.
struct BodyContext {
    var mode: BodyMode = .code
    var function: FunctionInfo?
    /// Name of the function or modifier being checked, for the call graph.
    var owner: String?
    var unchecked = false
    var loopDepth = 0
    var scopes: [[String: NodeID]] = []
    var declared: [NodeID: (name: String, range: SourceRange)] = [:]
    var used: Set<NodeID> = []
    var writesState = false
    var handsOverControl = false
    /// Reads state, the balance or the environment (`msg`, `block`, `tx`, `this`): not `pure`.
    var readsState = false
    // Rules.
    var ruleHasAssert = false
    var ruleHasSatisfy = false
    var ruleCallAny: [SourceRange] = []
    var ruleHasTryCall = false
    var ruleFirstAssert: SourceRange?
    var ruleFirstSatisfy: SourceRange?
}

extension Analyzer {
    var current: ContractScope {
        get { currentContract! }
        set { currentContract = newValue }
    }

    func analyzeContract(_ decl: ContractDecl, kind: SourceKind, specs: [SpecDecl]) -> ContractInfo? {
        currentContract = ContractScope(
            name: decl.name.name, file: decl.range.file, declaration: decl.range, usings: usings[decl.name.name] ?? [])
        let contractName = decl.name.name
        var memberNames: [String: SourceRange] = [:]
        func claim(_ id: Identifier, _ what: String) -> Bool {
            if let previous = memberNames[id.name] {
                bag.add(SemaDiagnostics.duplicate(what, id.name, id.range, previous: previous))
                return false
            }
            memberNames[id.name] = id.range
            return true
        }

        var constructor: FunctionInfo?
        var receive: FunctionInfo?
        var fallback: FunctionInfo?
        var functionOrder: [String] = []
        var functionDecls: [FunctionDecl] = []
        var propertyDecls: [PropertyDecl] = []

        // Overloaded functions (one name, other parameters) are keyed by signature: `f(uint256)`.
        var nameCounts: [String: Int] = [:]
        for case .function(let f) in decl.members where f.kind == .function { nameCounts[f.name.name, default: 0] += 1 }
        func key(_ f: FunctionDecl) -> String {
            (nameCounts[f.name.name] ?? 0) > 1 ? signatureKey(f, in: contractName) : f.name.name
        }
        for member in decl.members {
            switch member {
            case .stateVariable(let v):
                guard claim(v.name, "state variable") else { continue }
                let t = resolveType(v.type, in: contractName) ?? .void
                if v.isConstant, v.initializer == nil {
                    bag.error(
                        "sema.constant-without-value", "constant '\(v.name.name)' needs a value", at: v.name.range)
                }
                if v.isConstant || v.isImmutable, case .mapping = t {
                    bag.error(
                        "sema.constant-mapping", "a mapping cannot be constant or immutable", at: v.name.range)
                }
                current.stateIndex[v.name.name] = current.stateVariables.count
                current.stateVariables.append(StateVariableInfo(name: v.name.name, type: t, decl: v))
            case .function(let f):
                guard let info = functionInfo(f, named: key(f), contract: contractName) else { continue }
                switch f.kind {
                case .constructor:
                    if constructor != nil {
                        bag.error(
                            "sema.duplicate-declaration", "a contract has at most one constructor", at: f.name.range)
                    }
                    constructor = info
                case .receive:
                    if receive != nil {
                        bag.error("sema.duplicate-declaration", "duplicate declaration of 'receive'", at: f.name.range)
                    }
                    receive = info
                case .fallback:
                    if fallback != nil {
                        bag.error("sema.duplicate-declaration", "duplicate declaration of 'fallback'", at: f.name.range)
                    }
                    fallback = info
                case .function:
                    let k = key(f)
                    if let previous = current.functions[k] {
                        bag.add(
                            SemaDiagnostics.duplicate(
                                "function", f.name.name, f.name.range, previous: previous.decl.name.range))
                        continue
                    }
                    if k != f.name.name {
                        // An overload: the name is claimed once, by the first.
                        if current.overloads[f.name.name] == nil, !claim(f.name, "function") { continue }
                        current.overloads[f.name.name, default: []].append(k)
                    } else {
                        guard claim(f.name, "function") else { continue }
                    }
                    current.functions[k] = info
                    functionOrder.append(k)
                }
                functionDecls.append(f)
            case .modifier(let m):
                guard claim(m.name, "modifier") else { continue }
                current.modifiers[m.name.name] = m
            case .property(let p):
                propertyDecls.append(p)
            case .using(let u):
                checkUsing(u, in: contractName)
            case .event, .error, .structDecl, .enumDecl, .userType:
                break
            }
        }

        // State variable initialisers, then bodies.
        for v in current.stateVariables {
            guard let initializer = v.initializer else { continue }
            withBody(mode: .code, function: nil, owner: nil) {
                expect(initializer, v.type, what: "initial value of '\(v.name)'")
            }
            // A `string` or `bytes` constant is stored once, at deployment, like an initialised
            // variable that nothing writes (solc has checked that its value is constant).
            if v.isConstant, constants[initializer.id] == nil, v.type != .bool, v.type != .string, v.type != .bytes {
                bag.error(
                    "sema.constant-not-constant", "the value of constant '\(v.name)' must be a constant expression",
                    at: initializer.range)
            }
        }
        for (name, m) in current.modifiers.sorted(by: { $0.key < $1.key }) {
            withBody(mode: .modifier, function: nil, owner: "modifier \(name)") {
                pushScope()
                for p in m.parameters { declareVariable(p, contract: contractName) }
                checkBlock(m.body, newScope: false)
                popScope()
                current.modifierEffects[name] = ModifierEffects(
                    writesState: context.writesState, handsOverControl: context.handsOverControl,
                    readsState: context.readsState)
            }
        }
        for f in functionDecls {
            let info: FunctionInfo
            switch f.kind {
            case .constructor: info = constructor!
            case .receive: info = receive!
            case .fallback: info = fallback!
            case .function:
                guard let i = current.functions[key(f)], i.decl.id == f.id else { continue }
                info = i
            }
            checkFunctionBody(info, contract: contractName)
        }

        // Properties: inline ones, then the specs attached to this contract.
        var invariants: [InvariantInfo] = []
        var ensures: [EnsuresInfo] = []
        var trusted: [Expr] = []
        var rules: [RuleInfo] = []
        for f in functionDecls {
            for clause in f.ensures {
                guard let info = functionFor(f) else { continue }
                if let e = checkEnsures(clause.expression, info, range: clause.range) { ensures.append(e) }
            }
        }
        let specProperties = specs.flatMap(\.properties)
        var ruleNames: [String: SourceRange] = [:]
        for p in propertyDecls + specProperties {
            switch p {
            case .invariant(let name, let e, let range):
                if let previous = ruleNames[name.name] {
                    bag.add(SemaDiagnostics.duplicate("property", name.name, name.range, previous: previous))
                }
                ruleNames[name.name] = name.range
                withBody(mode: .invariant, function: nil, owner: nil) { expect(e, .bool, what: "an invariant") }
                invariants.append(InvariantInfo(name: name.name, expression: e, range: range))
            case .ensures(let fname, let e, let range):
                guard let info = current.functions[fname.name] else {
                    bag.error(
                        "sema.unknown-function", "no function named '\(fname.name)' in contract '\(contractName)'",
                        at: fname.range)
                    continue
                }
                if let en = checkEnsures(e, info, range: range) { ensures.append(en) }
            case .trusted(let e, _):
                withBody(mode: .trusted, function: nil, owner: nil) {
                    let t = typeOf(e)
                    if !t.isAddressLike {
                        bag.add(SemaDiagnostics.typeMismatch("'trusted' needs an address, not '\(t)'", e.range))
                    }
                }
                trusted.append(e)
            case .rule(let r):
                if let previous = ruleNames[r.name.name] {
                    bag.add(SemaDiagnostics.duplicate("property", r.name.name, r.name.range, previous: previous))
                }
                ruleNames[r.name.name] = r.name.range
                if let info = checkRule(r, contract: contractName) { rules.append(info) }
            }
        }
        detectRecursion()
        checkMemoryAliasing(functionDecls)
        return ContractInfo(
            name: contractName, bases: Array(linearization(of: contractName).dropFirst()), decl: decl,
            stateVariables: current.stateVariables, functions: current.functions,
            functionOrder: functionOrder, constructor: constructor, receive: receive, fallback: fallback,
            modifiers: current.modifiers, invariants: invariants,
            ensures: namedByColumnWhereShared(ensures, range: \.range, name: \.name),
            asserts: namedByColumnWhereShared(current.asserts, range: \.range, name: \.name),
            trusted: trusted, rules: rules, environmentReads: current.environmentReads,
            abstractions: current.abstractions, functionValues: functionValues)
    }

    private func functionFor(_ f: FunctionDecl) -> FunctionInfo? {
        if f.kind == .function { return current.functions.values.first { $0.decl.id == f.id } }
        bag.error("sema.ensures-placement", "'ensures' can only be written on a function", at: f.name.range)
        return nil
    }

    private func functionInfo(_ f: FunctionDecl, named name: String, contract: String) -> FunctionInfo? {
        let params = f.parameters.map { resolveType($0.type, in: contract) ?? .void }
        let returned = f.returns.map { resolveType($0.type, in: contract) ?? .void }
        let ret: SolType? = returned.count > 1 ? .tuple(returned) : returned.first
        var visibility = f.visibility
        switch f.kind {
        case .constructor:
            visibility = .public
        case .receive:
            if f.mutability != .payable || (f.visibility != nil && f.visibility != .external) {
                bag.error("sema.receive-signature", "'receive' must be 'external payable'", at: f.name.range)
            }
            visibility = .external
        case .fallback:
            visibility = .external
        case .function:
            if visibility == nil {
                bag.error(
                    "sema.missing-visibility",
                    "function '\(f.name.name)' has no visibility; write public, external, internal or private",
                    at: f.name.range)
                visibility = .public
            }
        }
        for t in params + returned {
            if case .mapping = t {
                bag.add(SemaDiagnostics.notSupported("mappings as parameters or return values", f.name.range))
            }
        }
        return FunctionInfo(
            name: name, decl: f, kind: f.kind, visibility: visibility ?? .public, mutability: f.mutability,
            parameterTypes: params, returnType: ret)
    }

    // MARK: - Bodies

    /// Runs `body` with a fresh body context, then restores the previous one and reports unused locals.
    func withBody(mode: BodyMode, function: FunctionInfo?, owner: String?, _ body: () -> Void) {
        let saved = context
        context = BodyContext()
        context.mode = mode
        context.function = function
        context.owner = owner
        body()
        for (id, d) in context.declared.sorted(by: { $0.key < $1.key }) where !context.used.contains(id) {
            if case .code = mode, !d.name.isEmpty {
                bag.warning("sema.unused-variable", "local variable '\(d.name)' is never used", at: d.range)
            }
        }
        context = saved
    }

    /// Whether a `storage` parameter of type `t` is supported: a struct or array, a `string` or
    /// `bytes` (each an alias of the location in state its argument names).
    private static func aliasesState(_ t: SolType) -> Bool {
        switch t {
        case .structType, .string, .bytes: true
        default: false
        }
    }

    private func checkFunctionBody(_ info: FunctionInfo, contract: String) {
        let f = info.decl
        withBody(mode: .code, function: info, owner: info.kind == .function ? info.name : info.kind.rawValue) {
            pushScope()
            for p in f.parameters {
                let t = declareVariable(p, contract: contract, isParameter: true)
                // A `storage` parameter aliases the location in state its argument names.
                if p.location == .storage {
                    if Self.aliasesState(t), !info.isEntryPoint {
                        storageLocals.insert(p.id)
                    } else {
                        bag.add(SemaDiagnostics.notSupported("a 'storage' parameter of this type", p.range))
                    }
                }
            }
            for r in f.returns { declareVariable(r, contract: contract, isParameter: true) }
            for m in f.modifiers { checkModifierInvocation(m) }
            // An element slot function is never run: each call of it names the element itself.
            if case .elementOf? = slotSource(f) {
            } else if let body = f.body {
                checkBlock(body, newScope: true)
            }
            popScope()
            if info.isView, context.writesState || context.handsOverControl {
                bag.error(
                    "sema.view-modifies-state",
                    "'\(info.name)' is declared \(info.mutability.rawValue) but changes state or hands over control",
                    at: f.name.range)
            } else if info.mutability == .pure, context.readsState {
                bag.error(
                    "sema.pure-reads-state",
                    "'\(info.name)' is declared pure but reads state, a balance or the environment (make it view)",
                    at: f.name.range)
            }
        }
    }

    private func checkModifierInvocation(_ m: ModifierInvocation) {
        guard let decl = current.modifiers[m.name.name] else {
            bag.add(SemaDiagnostics.undeclared(m.name.name, m.name.range))
            return
        }
        recordInternalCall("modifier \(m.name.name)", at: m.range)
        // A modifier's body runs as part of the function: its effects are the function's.
        if let effects = current.modifierEffects[m.name.name] {
            context.writesState = context.writesState || effects.writesState
            context.handsOverControl = context.handsOverControl || effects.handsOverControl
            context.readsState = context.readsState || effects.readsState
        }
        if decl.parameters.count != m.arguments.count {
            bag.add(
                SemaDiagnostics.argumentCount(
                    m.name.name, expected: decl.parameters.count, got: m.arguments.count, m.range))
            return
        }
        for (p, a) in zip(decl.parameters, m.arguments) {
            expect(a, resolveType(p.type, in: current.name) ?? .void, what: "modifier argument")
        }
    }

    func recordInternalCall(_ callee: String, at range: SourceRange) {
        current.callGraph[context.owner ?? Self.otherCode, default: []].append((callee, range))
    }

    /// The caller in the call graph of calls from properties and state variable initializers.
    static let otherCode = "(properties and initializers)"

    /// The functions the contract names as values, sorted: a function value is its position in
    /// this list plus one.
    var functionValues: [String] { Set(current.functionValueUses.values).sorted() }

    private func detectRecursion() {
        // A call through a function value may call any function named as a value.
        for (owner, range) in current.functionValueCallers {
            for f in functionValues { current.callGraph[owner, default: []].append((f, range)) }
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        var reported = false
        func visit(_ n: String) {
            guard !reported else { return }
            state[n] = 1
            stack.append(n)
            for (callee, range) in current.callGraph[n] ?? [] {
                if state[callee] == 1 {
                    let start = stack.firstIndex(of: callee) ?? 0
                    bag.add(SemaDiagnostics.recursion(Array(stack[start...]) + [callee], range))
                    reported = true
                    return
                }
                if state[callee] == nil { visit(callee) }
            }
            stack.removeLast()
            state[n] = 2
        }
        // Only a cycle some code that runs reaches is inlined: not a library's recursive helper
        // that nothing calls (OpenZeppelin's `Arrays._quickSort` beside `unsafeAccess`).
        let functions = current.functions.values.filter { $0.kind == .function }
        let internalOnly = Set(functions.filter { !$0.isEntryPoint }.map(\.name))
            .subtracting(functions.filter(\.isEntryPoint).map(\.name))
        for n in current.callGraph.keys.sorted() where state[n] == nil && !internalOnly.contains(n) { visit(n) }
    }

    /// Reports writes into memory objects that another name may share (see MemoryAliasing.swift).
    private func checkMemoryAliasing(_ functions: [FunctionDecl]) {
        var aliasing = MemoryAliasing(
            types: types, references: references, calls: calls, variableTypes: variableTypes, sources: sources,
            isReference: {
                switch $0 {
                case .structType, .bytes, .string: true
                default: false
                }
            })
        let calledInternally = Set(current.callGraph.values.flatMap { $0.map(\.callee) } + functionValues)
        for f in functions {
            guard let body = f.body else { continue }
            // A constructor's parameters may be a derived constructor's objects.
            var onlyTransactions = f.kind == .receive || f.kind == .fallback
            if f.kind == .function, let info = current.functions.values.first(where: { $0.decl.id == f.id }) {
                onlyTransactions = info.isEntryPoint && !calledInternally.contains(info.name)
            }
            let found = aliasing.check(
                parameters: f.parameters, returns: f.returns, modifierArguments: f.modifiers.flatMap(\.arguments),
                body: body, parametersAreCopies: onlyTransactions)
            for d in found { bag.add(d) }
        }
        for (_, m) in current.modifiers.sorted(by: { $0.key < $1.key }) {
            let found = aliasing.check(
                parameters: m.parameters, returns: [], modifierArguments: [], body: m.body, parametersAreCopies: false)
            for d in found { bag.add(d) }
        }
    }

    // MARK: - Scopes

    func pushScope() { context.scopes.append([:]) }
    func popScope() { context.scopes.removeLast() }

    /// Declares a parameter or local in the innermost scope.
    @discardableResult
    func declareVariable(_ v: VariableDecl, contract: String?, isParameter: Bool = false) -> SolType {
        let t = resolveType(v.type, in: contract) ?? .void
        variableTypes[v.id] = t
        if let valueType = valueTypeName(v.type) { writtenValueTypes[v.id] = valueType }
        if v.location == .calldata { calldataLocals.insert(v.id) }
        guard let name = v.name else { return t }
        if context.scopes.last?[name.name] != nil {
            bag.error("sema.duplicate-declaration", "duplicate declaration of '\(name.name)'", at: name.range)
        } else if lookupLocal(name.name) != nil {
            bag.warning(
                "sema.shadowing", "declaration of '\(name.name)' shadows an earlier declaration", at: name.range)
        } else if current.stateIndex[name.name] != nil || current.functions[name.name] != nil,
            current.declaration.contains(name.range)
        {
            // (A base's code is warned about when the base is analysed, against its own members.)
            bag.warning(
                "sema.shadowing", "declaration of '\(name.name)' shadows a member of the contract", at: name.range)
        }
        context.scopes[context.scopes.count - 1][name.name] = v.id
        if !isParameter { context.declared[v.id] = (name.name, name.range) }
        return t
    }

    func lookupLocal(_ name: String) -> NodeID? {
        for scope in context.scopes.reversed() { if let id = scope[name] { return id } }
        return nil
    }
}
