import VigilBasics
import VigilSyntax

// Inheritance, part two: `virtual` and `override` checked as solc checks them.

/// A function, modifier or state variable of one contract of a linearization.
struct InheritedMember {
    let contract: String
    let name: Identifier
    let inheritance: OverrideAttributes
    let function: FunctionDecl?
    let modifier: ModifierDecl?
    let stateVariable: StateVariableDecl?

    var isImplemented: Bool {
        if let function { return function.body != nil }
        if let modifier { return modifier.isImplemented }
        return true
    }
    var what: String { modifier != nil ? "modifier" : stateVariable != nil ? "state variable" : "function" }
}

extension Analyzer {
    /// A function's key among its contract's members: `name(T1,T2)` (overloads are different
    /// functions; an override has its base function's key); `receive` and `fallback` by name.
    func signatureKey(_ f: FunctionDecl, in contract: String) -> String {
        guard f.kind == .function else { return f.name.name }
        // A user-defined value type keeps its name here, so that overloads over two such types
        // with one underlying type stay two functions (calls choose between them only by count).
        let types = f.parameters.map { p -> String in
            if case .named(let id) = p.type, declaration(id, seenBy: contract, in: userTypeDecls) != nil {
                return id.name
            }
            return resolveType(p.type, in: contract)?.description ?? "?"
        }
        return "\(f.name.name)(\(types.joined(separator: ",")))"
    }

    /// Every function (by signature key; `receive` and `fallback` under those names), modifier
    /// (`modifier NAME`) and public state variable (`NAME()`, the getter) of the linearization
    /// of `contract`, most derived first.
    func inheritedMembers(of contract: String) -> [String: [InheritedMember]] {
        var table: [String: [InheritedMember]] = [:]
        for c in linearization(of: contract) {
            guard let decl = inheritable(c) else { continue }
            for member in decl.members {
                switch member {
                case .function(let f) where f.kind != .constructor:
                    table[signatureKey(f, in: c), default: []].append(
                        InheritedMember(
                            contract: c, name: f.name, inheritance: f.inheritance, function: f, modifier: nil,
                            stateVariable: nil))
                case .modifier(let m):
                    table["modifier \(m.name.name)", default: []].append(
                        InheritedMember(
                            contract: c, name: m.name, inheritance: m.inheritance, function: nil, modifier: m,
                            stateVariable: nil))
                case .stateVariable(let v) where v.visibility == .public || v.inheritance.overrides != nil:
                    table["\(v.name.name)()", default: []].append(
                        InheritedMember(
                            contract: c, name: v.name, inheritance: v.inheritance, function: nil, modifier: nil,
                            stateVariable: v))
                default:
                    break
                }
            }
        }
        return table
    }

    /// Checks `virtual`/`override` on the members `contract` declares itself, and that a member
    /// two unrelated bases define is overridden; returns the names left unimplemented.
    @discardableResult
    func checkOverrides(of contract: String, members table: [String: [InheritedMember]]) -> [InheritedMember] {
        var unimplemented: [InheritedMember] = []
        for name in table.keys.sorted() {
            let definitions = table[name]!
            let inherited = definitions.filter { $0.contract != contract }
            // The bases whose definition is not itself overridden by another base's.
            let direct = inherited.filter { b in
                !inherited.contains { $0.contract != b.contract && inherits($0.contract, from: b.contract) }
            }
            if let own = definitions.first(where: { $0.contract == contract }) {
                // solc's list: for each base written after `is`, the nearest contract of its
                // linearization that defines the function.
                let written = inheritable(contract)?.bases.map { global($0.name.name, from: $0.name.range.file) } ?? []
                let perBase = Set(
                    written.compactMap { b in
                        linearization(of: b).first { c in inherited.contains { $0.contract == c } }
                    })
                checkOverride(own, of: direct, alsoAccepting: perBase)
            } else if Set(direct.map(\.contract)).count > 1 {
                bag.error(
                    "sema.override-missing",
                    "'\(contract)' must override '\(definitions[0].name.name)': "
                        + "\(Set(direct.map(\.contract)).sorted().map { "'\($0)'" }.joined(separator: " and ")) both define it",
                    at: inheritable(contract)?.name.range,
                    notes: direct.map { DiagnosticNote("defined in '\($0.contract)' here", at: $0.name.range) })
            }
            if let selected = definitions.first, !selected.isImplemented, selected.stateVariable == nil {
                unimplemented.append(selected)
            }
        }
        return unimplemented
    }

    /// `direct`: the overridden definitions no other overridden one overrides; an `override(...)`
    /// list names their contracts, or `perBase` (solc's form, which also names the contracts
    /// those override when each is reached through another base written after `is`).
    private func checkOverride(_ own: InheritedMember, of direct: [InheritedMember], alsoAccepting perBase: Set<String>)
    {
        let name = own.name.name
        guard !direct.isEmpty else {
            if let at = own.inheritance.overrideRange {
                bag.error(
                    "sema.override-nothing", "'\(name)' is marked 'override' but overrides nothing", at: at)
            }
            return
        }
        for b in direct {
            let baseIsInterface = inheritable(b.contract)?.kind == .interface
            if !baseIsInterface, !b.inheritance.isVirtual {
                bag.error(
                    "sema.override-not-virtual",
                    "'\(name)' overrides the \(b.what) of '\(b.contract)', which is not 'virtual'", at: own.name.range,
                    notes: [DiagnosticNote("declared here", at: b.name.range)])
            }
            if b.what != own.what, !(own.stateVariable != nil && b.function != nil) {
                bag.error(
                    "sema.override-kind", "\(own.what) '\(name)' cannot override the \(b.what) of '\(b.contract)'",
                    at: own.name.range, notes: [DiagnosticNote("declared here", at: b.name.range)])
            }
        }
        let bases = Set(direct.map(\.contract))
        let onlyInterface = bases.count == 1 && inheritable(direct[0].contract)?.kind == .interface
        switch own.inheritance.overrides {
        case nil where onlyInterface && own.modifier == nil:
            break  // since 0.8.8, implementing one interface's function needs no 'override'
        case nil:
            bag.error(
                "sema.override-missing",
                "'\(name)' overrides the \(direct[0].what) of '\(direct[0].contract)' and must be marked 'override'",
                at: own.name.range, notes: [DiagnosticNote("overridden here", at: direct[0].name.range)])
        case let listed?:
            let written = Set(listed.map { global($0.name, from: $0.range.file) })
            if (bases.count > 1 || !listed.isEmpty) && written != bases && written != perBase {
                let expected = (perBase.isEmpty ? bases : perBase).sorted().joined(separator: ", ")
                bag.error(
                    "sema.override-list",
                    "'\(name)' overrides \(bases.count == 1 ? "the \(own.what) of" : "those of") \(expected): "
                        + "write 'override(\(expected))'",
                    at: own.inheritance.overrideRange)
            }
        }
        if let f = own.function {
            for b in direct {
                if let g = b.function { checkSignature(f, in: own.contract, overriding: g, in: b.contract) }
            }
        }
    }

    /// Parameters and return types equal; visibility and mutability changed only as solc allows.
    private func checkSignature(
        _ f: FunctionDecl, in contract: String, overriding g: FunctionDecl, in base: String
    ) {
        let note = [DiagnosticNote("overridden function declared here", at: g.name.range)]
        let types = { (d: FunctionDecl, c: String?) in
            (d.parameters + d.returns).map { self.resolveType($0.type, in: c) }
        }
        if f.parameters.count != g.parameters.count || f.returns.count != g.returns.count
            || types(f, contract) != types(g, base)
        {
            bag.error(
                "sema.override-signature",
                "'\(f.name.name)' has other parameter or return types than the function of '\(base)' it overrides "
                    + "(function overloading is not supported yet)", at: f.name.range, notes: note)
            return
        }
        let fv = f.visibility ?? .public
        let gv = g.visibility ?? .public
        if fv != gv && !(gv == .external && fv == .public) {
            bag.error(
                "sema.override-visibility",
                "'\(f.name.name)' changes visibility from \(gv.rawValue) to \(fv.rawValue) (only external may become public)",
                at: f.name.range, notes: note)
        }
        let allowed: [Mutability: Set<Mutability>] = [
            .nonpayable: [.nonpayable, .view, .pure], .view: [.view, .pure], .pure: [.pure], .payable: [.payable],
        ]
        if !(allowed[g.mutability]?.contains(f.mutability) ?? false) {
            bag.error(
                "sema.override-mutability",
                "'\(f.name.name)' changes state mutability from \(g.mutability.rawValue) to \(f.mutability.rawValue)",
                at: f.name.range, notes: note)
        }
    }
}
