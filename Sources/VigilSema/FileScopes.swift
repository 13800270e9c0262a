import VigilBasics
import VigilSyntax

// Per-file namespaces. Each file sees the file-level names it declares and those it imports
// (solc's rules: `import "p";` brings every name `p` sees, `import {A as B} from "p";` one
// name under another, `import "p" as M;` the names of `p` as `M.X`). A name declared in one
// file of the run is its own run-wide key; a name declared in several files is keyed
// `path:Name` in each, and a written name is turned into its key through the scope of the
// file it is written in (see `global(_:from:)`).

/// The file-level names a file sees.
struct FileScope {
    /// Each name to the run-wide key of the declaration it stands for.
    var names: [String: String] = [:]
    /// `M` of `import "p" as M;` (and of `import * as M from "p";`): the file `p`.
    var modules: [String: FileID] = [:]
}

extension Analyzer {
    /// The names of the file-level declarations of a unit (specs, pragmas, imports and
    /// `using` directives declare none).
    static func declaredNames(_ unit: SourceUnit) -> [Identifier] {
        unit.items.compactMap { item in
            switch item {
            case .contract(let c): c.name
            case .structDecl(let s): s.name
            case .enumDecl(let e): e.name
            case .errorDecl(let e): e.name
            case .eventDecl(let e): e.name
            case .function(let f): f.name
            case .constant(let v): v.name
            case .userType(let t): t.name
            case .pragma, .importDecl, .spec, .using: nil
            }
        }
    }

    /// The run-wide key of the file-level declaration `name` of `file`: the name itself when no
    /// other file of the run declares it, `path:Name` otherwise.
    func key(of name: String, declaredIn file: FileID) -> String {
        duplicatedNames.contains(name) ? "\(sources[file].path):\(name)" : name
    }

    /// Computes each file's scope from its declarations and imports (import cycles settle to a
    /// fixed point); reports two imports that bind one name to different declarations and a
    /// name imported from a file that does not have it.
    func buildScopes(importTargets: [SourceRange: FileID]) {
        var files: [String: Set<FileID>] = [:]
        for unit in units {
            for name in Self.declaredNames(unit) { files[name.name, default: []].insert(unit.file) }
        }
        duplicatedNames = Set(files.filter { $0.value.count > 1 }.keys)
        for unit in units {
            var scope = FileScope()
            for name in Self.declaredNames(unit) { scope.names[name.name] = key(of: name.name, declaredIn: unit.file) }
            scopes[unit.file] = scope
        }
        var conflicts: [SourceRange: (name: String, first: String, second: String)] = [:]
        var changed = true
        while changed {
            changed = false
            for unit in units {
                for case .importDecl(let imp) in unit.items {
                    guard let target = importTargets[imp.pathRange], let exported = scopes[target] else { continue }
                    var scope = scopes[unit.file] ?? FileScope()
                    func bind(_ name: String, _ key: String) {
                        if let bound = scope.names[name] {
                            if bound != key, conflicts[imp.range] == nil { conflicts[imp.range] = (name, bound, key) }
                            return
                        }
                        scope.names[name] = key
                        changed = true
                    }
                    func bindModule(_ name: String, _ file: FileID) {
                        guard scope.modules[name] == nil else { return }
                        scope.modules[name] = file
                        changed = true
                    }
                    if let alias = imp.unitAlias {
                        bindModule(alias.name, target)
                    } else if imp.symbols.isEmpty {
                        for (name, key) in exported.names.sorted(by: { $0.key < $1.key }) { bind(name, key) }
                        for (name, file) in exported.modules.sorted(by: { $0.key < $1.key }) { bindModule(name, file) }
                    } else {
                        for symbol in imp.symbols {
                            if let key = exported.names[symbol.name.name] {
                                bind(symbol.localName.name, key)
                            } else if let file = exported.modules[symbol.name.name] {
                                bindModule(symbol.localName.name, file)
                            }
                        }
                    }
                    scopes[unit.file] = scope
                }
            }
        }
        func describe(_ key: String) -> String {
            key.lastIndex(of: ":").map { "the declaration in \(key[..<$0])" } ?? "'\(key)'"
        }
        for (range, c) in conflicts.sorted(by: { ($0.key.file, $0.key.start) < ($1.key.file, $1.key.start) }) {
            bag.error(
                "sema.import-conflict",
                "this import binds '\(c.name)' to \(describe(c.second)), but in this file '\(c.name)' already "
                    + "names \(describe(c.first))", at: range)
        }
        for unit in units {
            for case .importDecl(let imp) in unit.items {
                guard let target = importTargets[imp.pathRange], let exported = scopes[target] else { continue }
                for symbol in imp.symbols
                where exported.names[symbol.name.name] == nil && exported.modules[symbol.name.name] == nil {
                    bag.error(
                        "sema.import-not-found", "'\(symbol.name.name)' is not declared in \"\(imp.path)\"",
                        at: symbol.name.range)
                }
            }
        }
    }

    /// The run-wide key of a file-level name as written in `file` (`X`, `L.S`, `M.X` through an
    /// import alias): the declaration the file's scope binds it to; else the name as written,
    /// which is its key when one file of the run declares it (Vigil then resolves it even in a
    /// file that does not import it, where solc would not).
    func global(_ written: String, from file: FileID) -> String {
        guard !written.contains(":") else { return written }  // a key already
        var parts = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var scope = scopes[file]
        while parts.count > 1, let module = scope?.modules[parts[0]] {
            scope = scopes[module]
            parts.removeFirst()
        }
        if let key = scope?.names[parts[0]] { parts[0] = key }
        return parts.joined(separator: ".")
    }

    /// Whether `name`, written in `file`, is an import alias of a whole file (`M` of `M.X`).
    func isModule(_ name: String, in file: FileID) -> Bool {
        scopes[file]?.modules[name] != nil
    }
}

extension Analyzer {
    /// The spec with the key of the contract it is written for: `spec "path:Name"` names the
    /// contract `Name` of the file whose path ends with `path`; `spec Name` the contract the
    /// spec's file sees under that name, else the one file of the run declaring it, else the one
    /// declared in the `.sol` file beside the `.spec` file. Reports a name that stays ambiguous
    /// or a quoted one that matches no contract (an unknown plain name is reported with the
    /// other unknown names, once the run is collected).
    func attach(_ spec: SpecDecl, in file: FileID) -> SpecDecl? {
        let written = spec.contract.name
        func declaring(_ name: String) -> [FileID] {
            units.filter { unit in
                unit.items.contains { item in
                    if case .contract(let c) = item { return c.name.name == name }
                    return false
                }
            }.map(\.file)
        }
        func stem(_ path: String) -> Substring { path[..<(path.lastIndex(of: ".") ?? path.endIndex)] }
        let key: String
        if let colon = written.lastIndex(of: ":") {
            let path = String(written[..<colon])
            let name = String(written[written.index(after: colon)...])
            let files = declaring(name).filter { sources[$0].path == path || sources[$0].path.hasSuffix("/" + path) }
            guard files.count == 1 else {
                bag.error(
                    "sema.unknown-spec-contract",
                    files.isEmpty
                        ? "no contract named '\(name)' in a file whose path ends with '\(path)'"
                        : "'\(path)' matches several files that declare '\(name)': write more of the path",
                    at: spec.contract.range)
                return nil
            }
            key = self.key(of: name, declaredIn: files[0])
        } else if let seen = scopes[file]?.names[written] {
            key = seen
        } else {
            let files = declaring(written)
            let beside = files.filter { stem(sources[$0].path) == stem(sources[file].path) }
            if files.count <= 1 {
                key = written
            } else if beside.count == 1 {
                key = self.key(of: written, declaredIn: beside[0])
            } else {
                let paths = files.map { "spec \"\(sources[$0].path):\(written)\"" }
                bag.error(
                    "sema.ambiguous-spec-contract",
                    "several files declare a contract '\(written)': name one as \(paths.joined(separator: " or "))",
                    at: spec.contract.range)
                return nil
            }
        }
        return SpecDecl(contract: Identifier(key, spec.contract.range), properties: spec.properties, range: spec.range)
    }
}
