import VigilBasics
import VigilSyntax

// Inheritance, part one: solc's C3 linearization of contracts and interfaces.

extension Analyzer {
    /// A contract, abstract contract, interface or library by name.
    func inheritable(_ name: String) -> ContractDecl? {
        contractDecls[name]?.decl ?? interfaceDecls[name] ?? libraryDecls[name]
    }

    /// Linearizes every contract and interface of the run.
    func linearizeAll() {
        for name in contractOrder + interfaceDecls.keys.sorted() { _ = linearization(of: name) }
    }

    /// The contract itself, then its bases from the most derived to the most base-like (solc's
    /// C3 order: `L(C) = C + merge(L(Bn), ..., L(B1), [Bn, ..., B1])` for `C is B1, ..., Bn`).
    /// An impossible order or a cycle is reported once; what could be ordered is returned.
    func linearization(of name: String) -> [String] {
        if let known = linearizations[name] { return known }
        guard let decl = inheritable(name) else { return [name] }
        if linearizing.contains(name) { return [name] }
        linearizing.insert(name)
        defer { linearizing.remove(name) }
        var bases: [String] = []
        for base in decl.bases {
            let b = global(base.name.name, from: base.name.range.file)
            guard let baseDecl = inheritable(b) else {
                if structDecls[b] != nil || enumDecls[b] != nil {
                    bag.error("sema.base-not-contract", "'\(b)' is not a contract or interface", at: base.name.range)
                } else {
                    bag.add(SemaDiagnostics.undeclared(b, base.name.range))
                }
                continue
            }
            if b == name || linearizing.contains(b) {
                bag.error(
                    "sema.inheritance-cycle", "'\(name)' inherits from itself (through '\(b)')", at: base.name.range)
                continue
            }
            if decl.kind == .library || baseDecl.kind == .library {
                bag.error("sema.library-inheritance", "libraries cannot inherit or be inherited", at: base.name.range)
                continue
            }
            if decl.kind == .interface, baseDecl.kind != .interface {
                bag.error(
                    "sema.interface-base", "interface '\(name)' can only inherit from interfaces, not from '\(b)'",
                    at: base.name.range)
                continue
            }
            if bases.contains(b) {
                bag.error("sema.duplicate-base", "'\(b)' is listed twice as a base of '\(name)'", at: base.name.range)
                continue
            }
            bases.append(b)
        }
        var lists = bases.reversed().map { linearization(of: $0) } + [Array(bases.reversed())]
        var result = [name]
        while lists.contains(where: { !$0.isEmpty }) {
            let heads = lists.compactMap(\.first)
            guard let head = heads.first(where: { h in !lists.contains { $0.dropFirst().contains(h) } }) else {
                bag.error(
                    "sema.linearization-impossible",
                    "the inheritance graph of '\(name)' cannot be linearized: list its bases from the most "
                        + "base-like to the most derived",
                    at: decl.name.range)
                break
            }
            result.append(head)
            lists = lists.map { $0.first == head ? Array($0.dropFirst()) : $0 }
        }
        linearizations[name] = result
        return result
    }

    /// Whether `derived` is `base` or inherits from it.
    func inherits(_ derived: String, from base: String) -> Bool {
        linearization(of: derived).contains(base)
    }

    /// The qualified name `C.N` of a declaration that contract `contract` sees as `N`: its own,
    /// then its bases' in linearization order; nil when none declares it.
    func inheritedName<T>(_ name: String, in contract: String?, table: [String: T]) -> String? {
        guard let contract else { return nil }
        for c in linearization(of: contract) where table["\(c).\(name)"] != nil { return "\(c).\(name)" }
        return nil
    }

    /// The declaration contract `contract` sees as `name`: its own or a base's, else a file-level
    /// one the file `name` is written in sees.
    func declaration<T>(_ name: Identifier, seenBy contract: String?, in table: [String: T]) -> T? {
        declarationKey(name, seenBy: contract, in: table).flatMap { table[$0] }
    }

    /// The key in `table` of the declaration `declaration(name, seenBy:in:)` finds.
    func declarationKey<T>(_ name: Identifier, seenBy contract: String?, in table: [String: T]) -> String? {
        if let q = inheritedName(name.name, in: contract, table: table) { return q }
        let key = global(name.name, from: name.range.file)
        return table[key] == nil ? nil : key
    }

    /// `L.E` for an expression written `L.E` (or `E`, `M.L.E`) whose first name is not a local
    /// variable: how a qualified declaration is named where it is used; nil for anything else.
    func writtenName(_ e: Expr) -> Identifier? {
        var parts: [String] = []
        var walk = e
        while case .member(let owner, let part) = walk.kind {
            parts.insert(part.name, at: 0)
            walk = owner
        }
        guard case .identifier(let first) = walk.kind, lookupLocal(first) == nil else { return nil }
        return Identifier(([first] + parts).joined(separator: "."), e.range)
    }
}
