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

    /// Reports a `using` directive whose library, functions or type do not exist.
    func checkUsing(_ u: UsingDirective, in contract: String?) {
        if let library = u.library, libraryDecls[library.name] == nil {
            if inheritable(library.name) != nil {
                bag.error("sema.using-not-library", "'\(library.name)' is not a library", at: library.range)
            } else {
                bag.add(SemaDiagnostics.undeclared(library.name, library.range))
            }
        }
        for f in u.functions {
            let parts = f.name.split(separator: ".").map(String.init)
            let found =
                parts.count == 2 ? libraryFunction(parts[0], parts[1]) != nil : freeFunctions[f.name] != nil
            if !found { bag.add(SemaDiagnostics.undeclared(f.name, f.range)) }
        }
        if let target = u.target { _ = resolveType(target, in: contract) }
        if u.isGlobal, contract != nil {
            bag.error("sema.using-global", "'global' is only allowed on a 'using' at file level", at: u.range)
        }
    }

    /// The functions `using` binds under the member name `name`, by their names in a flattened
    /// contract (`L.f` for a library's, `f` for a free function).
    func boundNames(_ name: String, in usings: [UsingDirective]) -> [(directive: UsingDirective, function: String)] {
        var result: [(UsingDirective, String)] = []
        for u in usings {
            if let library = u.library?.name {
                if libraryFunction(library, name) != nil { result.append((u, "\(library).\(name)")) }
            } else {
                for f in u.functions where f.name == name || f.name.hasSuffix(".\(name)") { result.append((u, f.name)) }
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
        copier.callee = { _, _ in nil }
        while !pending.isEmpty {
            var wanted: [String] = []
            let usings = activeUsings(of: contract, linking: libraries)
            forEachExpression(in: pending) { e in
                switch e.kind {
                case .identifier(let n) where !own.contains(n):
                    if n.contains(".") || freeFunctions[n] != nil || fileConstants[n] != nil { wanted.append(n) }
                case .member(let base, let n):
                    if case .identifier(let l) = base.kind, libraryDecls[l] != nil { wanted.append("\(l).\(n.name)") }
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
                if name.contains("."), !members.isEmpty { libraries.insert(String(name.split(separator: ".")[0])) }
                linked += members
                pending += members
            }
        }
        return (linked, libraries)
    }

    /// Copies of the library functions (each overload) or constant, free function or file-level
    /// constant `name`.
    private func copyLinked(_ name: String) -> [ContractMember] {
        let parts = name.split(separator: ".").map(String.init)
        if parts.count == 2, let library = libraryDecls[parts[0]] {
            var renames: [String: String] = [:]
            var typeRenames: [String: String] = [:]
            for m in library.members {
                switch m {
                case .function(let f): renames[f.name.name] = "\(parts[0]).\(f.name.name)"
                case .stateVariable(let v): renames[v.name.name] = "\(parts[0]).\(v.name.name)"
                case .structDecl(let s):
                    renames[s.name.name] = "\(parts[0]).\(s.name.name)"
                    typeRenames[s.name.name] = "\(parts[0]).\(s.name.name)"
                case .enumDecl(let e):
                    renames[e.name.name] = "\(parts[0]).\(e.name.name)"
                    typeRenames[e.name.name] = "\(parts[0]).\(e.name.name)"
                case .error(let e): renames[e.name.name] = "\(parts[0]).\(e.name.name)"
                case .event(let e): renames[e.name.name] = "\(parts[0]).\(e.name.name)"
                default: break
                }
            }
            copier.renames = renames
            copier.typeRenames = typeRenames
            defer {
                copier.renames = [:]
                copier.typeRenames = [:]
            }
            let functions = libraryFunctions(parts[0], parts[1])
            if !functions.isEmpty {
                return functions.map { f in
                    .function(
                        copier.function(f, name: Identifier(name, f.name.range), visibility: .internal, ensures: []))
                }
            }
            if let v = libraryConstant(parts[0], parts[1]) {
                return [.stateVariable(copier.stateVariable(v, named: Identifier(name, v.name.range)))]
            }
            return []
        }
        if let f = freeFunctions[name] { return [.function(copier.function(f, visibility: .internal))] }
        if let v = fileConstants[name] { return [.stateVariable(copier.stateVariable(v))] }
        return []
    }
}
