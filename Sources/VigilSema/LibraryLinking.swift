import VigilBasics
import VigilSyntax

// Libraries, free functions and file-level constants, linked into the contracts that use
// them: a library's functions run inlined (for an external library function too, since
// `delegatecall` keeps the contract's storage, sender and value).

extension Analyzer {
    /// The `using` directives active in the code of `contract`: those of every contract of its
    /// linearization and of the libraries it links, the file-level ones of their files, and
    /// every `global` one. (solc activates a directive in its own contract only: the union
    /// accepts some code solc rejects, and gives valid code solc's meaning.)
    func activeUsings(of contract: String, linking libraries: Set<String> = []) -> [UsingDirective] {
        let owners = linearization(of: contract) + libraries.sorted()
        var files: Set<FileID> = []
        var found: [UsingDirective] = []
        for owner in owners {
            guard let decl = inheritable(owner) else { continue }
            files.insert(decl.range.file)
            for case .using(let u) in decl.members { found.append(u) }
        }
        for (u, file) in fileUsings where u.isGlobal || files.contains(file) { found.append(u) }
        return found
    }

    /// The key of the library `e` names (`L`, or `M.L` through an import alias), unless a local
    /// variable of that name hides it.
    func libraryKey(_ e: Expr) -> String? {
        switch e.kind {
        case .identifier(let l) where lookupLocal(l) == nil:
            let key = global(l, from: e.range.file)
            return libraryDecls[key] != nil ? key : nil
        case .member(let base, let l):
            guard case .identifier(let m) = base.kind, lookupLocal(m) == nil, isModule(m, in: base.range.file) else {
                return nil
            }
            let key = global("\(m).\(l.name)", from: base.range.file)
            return libraryDecls[key] != nil ? key : nil
        default:
            return nil
        }
    }

    /// The key of the library a `using` directive names.
    private func libraryKey(_ u: UsingDirective) -> String? {
        u.library.map { global($0.name, from: $0.range.file) }
    }

    /// The key of a function a `using {f, L.g} for T` directive lists.
    private func functionKey(_ f: Identifier) -> String {
        global(f.name, from: f.range.file)
    }

    /// Reports a `using` directive whose library, functions or type do not exist.
    func checkUsing(_ u: UsingDirective, in contract: String?) {
        if let library = u.library, let key = libraryKey(u), libraryDecls[key] == nil {
            if inheritable(key) != nil {
                bag.error("sema.using-not-library", "'\(library.name)' is not a library", at: library.range)
            } else {
                bag.add(SemaDiagnostics.undeclared(library.name, library.range))
            }
        }
        for f in u.functions {
            let key = functionKey(f)
            let found =
                qualifiedParts(key).map { libraryFunction($0.owner, $0.member) != nil } ?? (freeFunctions[key] != nil)
            if !found { bag.add(SemaDiagnostics.undeclared(f.name, f.range)) }
        }
        for o in u.operators {
            let key = functionKey(o.function)
            let decl = qualifiedParts(key).map { libraryFunction($0.owner, $0.member) } ?? freeFunctions[key]
            guard let decl else {
                bag.add(SemaDiagnostics.undeclared(o.function.name, o.function.range))
                continue
            }
            if !isUnderlyingOperator(decl, o.op) {
                bag.add(
                    SemaDiagnostics.notSupported(
                        "a user-defined operator that is not the underlying type's own '\(o.op.rawValue)'", o.range))
            }
        }
        if let target = u.target { _ = resolveType(target, in: contract) }
        if u.isGlobal, contract != nil {
            bag.error("sema.using-global", "'global' is only allowed on a 'using' at file level", at: u.range)
        }
    }

    /// Whether `f` is its type's underlying `op` itself: `return T.unwrap(a) OP T.unwrap(b);` or
    /// `return T.wrap(T.unwrap(a) OP T.unwrap(b));` for its two parameters in order. Values of a
    /// user-defined value type are their underlying values to every stage, so such an operator
    /// is the built-in one (OpenZeppelin's `eqCallType as ==`).
    private func isUnderlyingOperator(_ f: FunctionDecl, _ op: BinaryOperator) -> Bool {
        func unwrapping(_ e: Expr, _ call: String) -> Expr? {
            guard case .call(let callee, let arguments) = e.unparenthesized.kind, arguments.count == 1,
                case .member(_, let member) = callee.kind, member.name == call
            else { return nil }
            return arguments[0]
        }
        func isUnwrapped(_ e: Expr, _ parameter: VariableDecl) -> Bool {
            guard let inner = unwrapping(e, "unwrap"), case .identifier(let x) = inner.unparenthesized.kind else {
                return false
            }
            return x == parameter.name?.name
        }
        guard f.parameters.count == 2, let body = f.body, body.statements.count == 1,
            case .returnStmt(let returned?) = body.statements[0].kind
        else { return false }
        let value = unwrapping(returned, "wrap") ?? returned
        guard case .binary(let o, let l, let r) = value.unparenthesized.kind, o == op else { return false }
        return isUnwrapped(l, f.parameters[0]) && isUnwrapped(r, f.parameters[1])
    }

    /// The functions `using` binds under the member name `name`, by their names in a flattened
    /// contract (`L.f` for a library's, `f` for a free function).
    func boundNames(_ name: String, in usings: [UsingDirective]) -> [(directive: UsingDirective, function: String)] {
        var result: [(UsingDirective, String)] = []
        for u in usings {
            if let library = libraryKey(u) {
                if libraryFunction(library, name) != nil { result.append((u, "\(library).\(name)")) }
            } else {
                for f in u.functions where f.name == name || f.name.hasSuffix(".\(name)") {
                    result.append((u, functionKey(f)))
                }
            }
        }
        return result
    }

    private func libraryFunction(_ library: String, _ name: String) -> FunctionDecl? {
        libraryFunctions(library, name).first
    }

    /// The functions of `library` named `name` (several when overloaded).
    private func libraryFunctions(_ library: String, _ name: String) -> [FunctionDecl] {
        var found: [FunctionDecl] = []
        for case .function(let f) in libraryDecls[library]?.members ?? [] where f.name.name == name { found.append(f) }
        return found
    }

    private func libraryConstant(_ library: String, _ name: String) -> StateVariableDecl? {
        for case .stateVariable(let v) in libraryDecls[library]?.members ?? [] where v.name.name == name { return v }
        return nil
    }

    /// The members `members` reach, transitively, in libraries, free functions and file-level
    /// constants: library ones under `L.f` and `L.X`, the others under their own names (unless
    /// the contract declares that name itself), and the libraries they come from. Each is
    /// copied, so each contract analyses its own.
    func linkedMembers(of contract: String, members: [ContractMember]) -> (
        members: [ContractMember], libraries: Set<String>
    ) {
        var own: Set<String> = []
        for m in members {
            if case .function(let f) = m { own.insert(f.name.name) }
            if case .stateVariable(let v) = m { own.insert(v.name.name) }
        }
        var linked: [ContractMember] = []
        var added: Set<String> = []
        var libraries: Set<String> = []
        var pending = members
        // Names wanted because of what was linked, not because an expression names them.
        var carried: [String] = []
        copier.callee = { _, _ in nil }
        while !pending.isEmpty || !carried.isEmpty {
            var wanted = carried
            carried = []
            let usings = activeUsings(of: contract, linking: libraries)
            forEachExpression(in: pending) { e in
                switch e.kind {
                case .identifier(let n) where !own.contains(n):
                    let key = global(n, from: e.range.file)
                    if qualifiedParts(key) != nil || freeFunctions[key] != nil || fileConstants[key] != nil {
                        wanted.append(key)
                    }
                case .member(let base, let n):
                    if let l = libraryKey(base) {
                        wanted.append("\(l).\(n.name)")
                    } else if case .identifier(let m) = base.kind, isModule(m, in: base.range.file) {
                        // `M.f`, `M.X` of `import "p" as M;`
                        let key = global("\(m).\(n.name)", from: base.range.file)
                        if freeFunctions[key] != nil || fileConstants[key] != nil { wanted.append(key) }
                    }
                case .call(let callee, _):
                    if case .member(_, let n) = callee.kind {
                        wanted += boundNames(n.name, in: usings).map(\.function).filter { !own.contains($0) }
                    }
                default:
                    break
                }
            }
            pending = []
            for name in wanted where !added.contains(name) {
                added.insert(name)
                let members = copyLinked(name)
                if let owner = qualifiedParts(name)?.owner, !members.isEmpty {
                    // A library's constants come with its functions: inline assembly may read them.
                    if libraries.insert(owner).inserted {
                        for case .stateVariable(let v) in libraryDecls[owner]?.members ?? [] where v.isConstant {
                            carried.append("\(owner).\(v.name.name)")
                        }
                    }
                }
                linked += members
                pending += members
            }
        }
        return (linked, libraries)
    }

    /// Copies of the library functions (each overload) or constant, free function or file-level
    /// constant `name`.
    private func copyLinked(_ name: String) -> [ContractMember] {
        if let (owner, member) = qualifiedParts(name), let library = libraryDecls[owner] {
            var renames: [String: String] = [:]
            var typeRenames: [String: String] = [:]
            for m in library.members {
                switch m {
                case .function(let f): renames[f.name.name] = "\(owner).\(f.name.name)"
                case .stateVariable(let v): renames[v.name.name] = "\(owner).\(v.name.name)"
                case .structDecl(let s):
                    renames[s.name.name] = "\(owner).\(s.name.name)"
                    typeRenames[s.name.name] = "\(owner).\(s.name.name)"
                case .enumDecl(let e):
                    renames[e.name.name] = "\(owner).\(e.name.name)"
                    typeRenames[e.name.name] = "\(owner).\(e.name.name)"
                case .userType(let t):
                    renames[t.name.name] = "\(owner).\(t.name.name)"
                    typeRenames[t.name.name] = "\(owner).\(t.name.name)"
                case .error(let e): renames[e.name.name] = "\(owner).\(e.name.name)"
                case .event(let e): renames[e.name.name] = "\(owner).\(e.name.name)"
                default: break
                }
            }
            copier.renames = renames
            copier.typeRenames = typeRenames
            defer {
                copier.renames = [:]
                copier.typeRenames = [:]
            }
            let functions = libraryFunctions(owner, member)
            if !functions.isEmpty {
                return functions.map { f in
                    .function(
                        copier.function(f, name: Identifier(name, f.name.range), visibility: .internal, ensures: []))
                }
            }
            if let v = libraryConstant(owner, member) {
                return [.stateVariable(copier.stateVariable(v, named: Identifier(name, v.name.range)))]
            }
            return []
        }
        if let f = freeFunctions[name] {
            return [.function(copier.function(f, name: Identifier(name, f.name.range), visibility: .internal))]
        }
        if let v = fileConstants[name] {
            return [.stateVariable(copier.stateVariable(v, named: Identifier(name, v.name.range)))]
        }
        return []
    }
}
