import BigInt
import VigilBasics
import VigilSyntax

/// Runs name resolution and type checking over the files of one run.
public enum SemanticAnalyzer {
    /// Analyses every unit; the model is nil when an error was reported. Its contracts are the
    /// deployable ones declared in `checkedFiles` (every file when nil); the others are
    /// analysed for their diagnostics and read as bases. `importTargets` is the file each import
    /// names, keyed by the location of its path (a file sees what it imports; see FileScopes.swift).
    public static func analyze(
        units: [SourceUnit], sources: SourceManager, checkedFiles: Set<FileID>? = nil,
        importTargets: [SourceRange: FileID] = [:]
    ) -> (model: SemanticModel?, diagnostics: [Diagnostic]) {
        let analyzer = Analyzer(units: units, sources: sources)
        analyzer.checkedFiles = checkedFiles
        analyzer.buildScopes(importTargets: importTargets)
        analyzer.run()
        let model = analyzer.bag.hasErrors ? nil : analyzer.makeModel()
        return (model, analyzer.bag.all)
    }
}

/// The mutable state of one analysis. Declarations first, then each contract's bodies
/// and properties (see the extensions in the other files of this target).
final class Analyzer {
    let units: [SourceUnit]
    let sources: SourceManager
    var bag = DiagnosticBag()

    /// What each file sees at file level, and the names declared in more than one file of the
    /// run (keyed `path:Name`; see FileScopes.swift).
    var scopes: [FileID: FileScope] = [:]
    var duplicatedNames: Set<String> = []

    // Global declarations by run-wide key (qualified names `C.N` for contract-level ones).
    var contractDecls: [String: (decl: ContractDecl, kind: SourceKind)] = [:]
    var contractOrder: [String] = []
    var interfaceDecls: [String: ContractDecl] = [:]
    var structDecls: [String: StructDecl] = [:]
    var enumDecls: [String: EnumDecl] = [:]
    var errorDecls: [String: ErrorDecl] = [:]
    var eventDecls: [String: EventDecl] = [:]
    var specs: [SpecDecl] = []
    /// Libraries, free functions and file-level constants, and file-level `using` directives.
    var libraryDecls: [String: ContractDecl] = [:]
    var freeFunctions: [String: FunctionDecl] = [:]
    /// User-defined value types by qualified name (`C.T` inside a contract, `T` at file level).
    var userTypeDecls: [String: UserTypeDecl] = [:]
    /// The user-defined value type each variable is declared with (see ValueTypeOverloads.swift).
    var writtenValueTypes: [NodeID: String] = [:]
    var fileConstants: [String: StateVariableDecl] = [:]
    var fileUsings: [(directive: UsingDirective, file: FileID)] = []
    /// The `using` directives active in each contract (see `activeUsings(of:)`).
    var usings: [String: [UsingDirective]] = [:]
    /// Each contract's and interface's linearization, most derived first (see `linearization(of:)`).
    var linearizations: [String: [String]] = [:]
    var linearizing: Set<String> = []
    var checkedFiles: Set<FileID>?
    /// Copies base declarations into derived contracts; one for the run, so copied ids never collide.
    var copier = DeclarationCopier()

    var structs: [String: StructInfo] = [:]
    var enums: [String: EnumInfo] = [:]
    var interfaces: [String: InterfaceInfo] = [:]
    var contracts: [ContractInfo] = []

    // Side tables.
    var types: [NodeID: SolType] = [:]
    var references: [NodeID: Reference] = [:]
    var calls: [NodeID: CallTarget] = [:]
    var constants: [NodeID: BigInt] = [:]
    var variableTypes: [NodeID: SolType] = [:]
    var storageLocals: Set<NodeID> = []
    /// Parameters and locals declared `calldata` (only these, `msg.data` and their slices can be sliced).
    var calldataLocals: Set<NodeID> = []
    var emittedEvents: [NodeID: EventDecl] = [:]
    var uncheckedExpressions: Set<NodeID> = []
    var arrays: [String: ArrayInfo] = [:]
    var assemblyEffects: [NodeID: AssemblyEffects] = [:]
    /// See `SemanticModel.storageAliases`; `slotOfArguments` holds the calls' arguments on the way.
    var storageAliases: [NodeID: Expr] = [:]
    var slotOfArguments: [NodeID: Expr] = [:]
    var unsafeIndexes: Set<NodeID> = []
    var widenings: [NodeID: Int] = [:]
    var selectors: [NodeID: BigInt] = [:]
    var namedArgumentOrder: [NodeID: [Int]] = [:]
    /// Whether the code reads or writes the contents of a `bytes` or `string` value (see
    /// `SemanticModel.bytesContents`).
    var bytesContents = false

    // The contract and the body being checked.
    var currentContract: ContractScope?
    var context = BodyContext()

    init(units: [SourceUnit], sources: SourceManager) {
        self.units = units
        self.sources = sources
    }

    func makeModel() -> SemanticModel {
        SemanticModel(
            sources: sources, units: units, contracts: contracts, interfaces: interfaces, structs: structs,
            enums: enums, types: types, references: references, calls: calls, constants: constants,
            variableTypes: variableTypes, storageLocals: storageLocals, uncheckedExpressions: uncheckedExpressions,
            emittedEvents: emittedEvents, arrays: arrays, namedArgumentOrder: namedArgumentOrder,
            assemblyEffects: assemblyEffects, bytesContents: bytesContents, storageAliases: storageAliases,
            unsafeIndexes: unsafeIndexes, widenings: widenings, selectors: selectors)
    }

    func run() {
        // `bytes` and `string` are laid out as `bytes1[]` when their contents are read.
        _ = arrayType(of: .fixedBytes(1), size: nil)
        collectDeclarations()
        linearizeAll()
        resolveTypeDeclarations()
        for name in contractOrder {
            guard let (decl, kind) = contractDecls[name] else { continue }
            let flat = flatten(decl)
            let info = analyzeContract(flat, kind: kind, specs: attachedSpecs(name))
            // Abstract contracts are analysed for their diagnostics but never deployed.
            if let info, !decl.isAbstract, checkedFiles?.contains(decl.range.file) ?? true { contracts.append(info) }
        }
        for (u, _) in fileUsings { checkUsing(u, in: nil) }
        // Libraries are analysed for their diagnostics; their functions run inside the contracts that use them.
        for (_, decl) in libraryDecls.sorted(by: { $0.key < $1.key }) {
            _ = analyzeContract(flatten(decl), kind: .solidity, specs: [])
        }
        for spec in specs where contractDecls[spec.contract.name] == nil {
            bag.error(
                "sema.unknown-spec-contract", "no contract named '\(spec.contract.name)' in this run",
                at: spec.contract.range)
        }
    }

    /// The specs of a contract and of its bases; a base's properties are copied, so each
    /// contract's analysis has nodes of its own.
    private func attachedSpecs(_ name: String) -> [SpecDecl] {
        var attached: [SpecDecl] = []
        for base in linearization(of: name).reversed() {
            for spec in specs where spec.contract.name == base {
                attached.append(
                    base == name
                        ? spec
                        : SpecDecl(
                            contract: spec.contract, properties: spec.properties.map { copier.property($0) },
                            range: spec.range))
            }
        }
        return attached
    }

    // MARK: - Declarations

    /// Declares a struct, enum, error or event of contract `c` under its qualified name `C.N`.
    private func declare<T: NamedDeclaration>(_ table: inout [String: T], _ decl: T, in c: ContractDecl, what: String) {
        let name = "\(c.name.name).\(decl.name.name)"
        if let previous = table[name] {
            bag.add(SemaDiagnostics.duplicate(what, decl.name.name, decl.name.range, previous: previous.name.range))
        } else {
            table[name] = decl
        }
    }

    private func collectDeclarations() {
        for unit in units {
            // Names are claimed per file: files of the run have namespaces of their own.
            var topNames: [String: SourceRange] = [:]
            func claim(_ id: Identifier, _ what: String) -> String? {
                if let previous = topNames[id.name] {
                    bag.add(SemaDiagnostics.duplicate(what, id.name, id.range, previous: previous))
                    return nil
                }
                topNames[id.name] = id.range
                return key(of: id.name, declaredIn: unit.file)
            }
            for item in unit.items {
                switch item {
                case .contract(let written):
                    guard let key = claim(written.name, written.kind.rawValue) else { continue }
                    let c =
                        key == written.name.name
                        ? written
                        : ContractDecl(
                            kind: written.kind, name: Identifier(key, written.name.range),
                            isAbstract: written.isAbstract,
                            bases: written.bases, members: written.members, range: written.range)
                    if c.kind == .interface {
                        interfaceDecls[key] = c
                    } else if c.kind == .library {
                        libraryDecls[key] = c
                    } else {
                        contractDecls[key] = (c, unit.kind)
                        contractOrder.append(key)
                    }
                    for member in c.members {
                        switch member {
                        case .structDecl(let s): declare(&structDecls, s, in: c, what: "struct")
                        case .enumDecl(let e): declare(&enumDecls, e, in: c, what: "enum")
                        case .error(let e): declare(&errorDecls, e, in: c, what: "error")
                        case .event(let e): declare(&eventDecls, e, in: c, what: "event")
                        case .userType(let t): declare(&userTypeDecls, t, in: c, what: "type")
                        default: break
                        }
                    }
                case .structDecl(let s):
                    if let key = claim(s.name, "struct") { structDecls[key] = s }
                case .enumDecl(let e):
                    if let key = claim(e.name, "enum") { enumDecls[key] = e }
                case .errorDecl(let e):
                    if let key = claim(e.name, "error") { errorDecls[key] = e }
                case .eventDecl(let e):
                    if let key = claim(e.name, "event") { eventDecls[key] = e }
                case .spec(let s):
                    if let spec = attach(s, in: unit.file) { specs.append(spec) }
                case .using(let u):
                    fileUsings.append((u, unit.file))
                case .function(let f):
                    if let key = claim(f.name, "function") { freeFunctions[key] = f }
                case .constant(let v):
                    if let key = claim(v.name, "constant") { fileConstants[key] = v }
                case .userType(let t):
                    if let key = claim(t.name, "type") { userTypeDecls[key] = t }
                case .pragma, .importDecl:
                    break
                }
            }
        }
    }

    /// The key of the struct or enum a type name written in `file` inside `contract` (nil at
    /// file level) names: a member of the contract or its bases, else (when `file` is given) a
    /// file-level one.
    func qualifiedTypeName(_ name: String, in contract: String?, from file: FileID?) -> String? {
        if let q = inheritedName(name, in: contract, table: structDecls)
            ?? inheritedName(name, in: contract, table: enumDecls)
        {
            return q
        }
        guard let file else { return nil }
        let key = global(name, from: file)
        if structDecls[key] != nil || enumDecls[key] != nil { return key }
        return nil
    }

    private func resolveTypeDeclarations() {
        for (name, e) in enumDecls.sorted(by: { $0.key < $1.key }) {
            if e.members.isEmpty { bag.error("sema.empty-enum", "enum '\(e.name.name)' has no members", at: e.range) }
            if e.members.count > 256 {
                bag.error("sema.enum-too-large", "enum '\(e.name.name)' has more than 256 members", at: e.range)
            }
            enums[name] = EnumInfo(name: name, members: e.members.map(\.name))
        }
        for (name, s) in structDecls.sorted(by: { $0.key < $1.key }) {
            let owner = qualifiedParts(name)?.owner
            var fields: [(name: String, type: SolType)] = []
            var seen: [String: SourceRange] = [:]
            for field in s.fields {
                let t = resolveType(field.type, in: owner) ?? .void
                if case .structType(let inner) = t, inner == name {
                    bag.error("sema.recursive-struct", "struct '\(s.name.name)' contains itself", at: field.range)
                }
                let fieldName = field.name?.name ?? ""
                if let previous = seen[fieldName], let n = field.name {
                    bag.add(SemaDiagnostics.duplicate("field", fieldName, n.range, previous: previous))
                }
                if let n = field.name { seen[fieldName] = n.range }
                fields.append((fieldName, t))
            }
            structs[name] = StructInfo(name: name, fields: fields, range: s.range)
        }
        for (name, decl) in interfaceDecls.sorted(by: { $0.key < $1.key }) {
            checkOverrides(of: name, members: inheritedMembers(of: name))
            for member in decl.members {
                switch member {
                case .function(let f):
                    if f.body != nil {
                        bag.error(
                            "sema.interface-body", "functions in an interface cannot have a body", at: f.name.range)
                    }
                case .event, .error, .structDecl, .enumDecl:
                    break
                default:
                    bag.error(
                        "sema.interface-member",
                        "an interface may only declare functions, events, errors, structs and enums",
                        at: decl.name.range)
                }
            }
            interfaces[name] = externalView(of: name, reportingDuplicates: true)
        }
        // A contract's name is a type too: its external view, as an interface's (calls through it
        // are external calls, to whatever code is at the address).
        for name in contractOrder { interfaces[name] = externalView(of: name, reportingDuplicates: false) }
    }

    /// What code outside sees of an interface or contract: its external and public functions,
    /// its bases' too (one per signature, the most derived), and a contract's public state
    /// variables of value type as getters. Overloads are keyed by signature, as in contracts.
    private func externalView(of name: String, reportingDuplicates: Bool) -> InterfaceInfo {
        // A contract's own analysis reports what is wrong in its declarations, once.
        let reported = bag
        defer { if !reportingDuplicates { bag = reported } }
        var declared: [(f: FunctionDecl, in: String, key: String)] = []
        for c in linearization(of: name) {
            for case .function(let f) in inheritable(c)?.members ?? []
            where f.kind == .function
                && (f.visibility == .external || f.visibility == .public || inheritable(c)?.kind == .interface)
            {
                let key = signatureKey(f, in: c)
                if let previous = declared.first(where: { $0.key == key }) {
                    if reportingDuplicates, c == name, previous.in == name {
                        bag.add(
                            SemaDiagnostics.duplicate(
                                "function", f.name.name, f.name.range, previous: previous.f.name.range))
                    }
                    continue
                }
                declared.append((f, c, key))
            }
        }
        var nameCounts: [String: Int] = [:]
        for d in declared { nameCounts[d.f.name.name, default: 0] += 1 }
        var functions: [String: InterfaceFunctionInfo] = [:]
        var overloads: [String: [String]] = [:]
        for d in declared {
            let overloaded = (nameCounts[d.f.name.name] ?? 0) > 1
            let key = overloaded ? d.key : d.f.name.name
            if overloaded { overloads[d.f.name.name, default: []].append(key) }
            functions[key] = interfaceFunction(d.f, named: key, in: d.in)
        }
        for c in linearization(of: name) {
            for case .stateVariable(let v) in inheritable(c)?.members ?? []
            where v.visibility == .public && functions[v.name.name] == nil {
                guard let t = resolveType(v.type, in: c), t.isValueType else { continue }
                functions[v.name.name] = InterfaceFunctionInfo(
                    name: v.name.name, parameterTypes: [], parameterNames: [], returnType: t, isView: true,
                    isPayable: false)
            }
        }
        let range = inheritable(name)?.range ?? SourceRange(file: FileID(0), start: 0, end: 0)
        return InterfaceInfo(name: name, functions: functions, overloads: overloads, range: range)
    }

    private func interfaceFunction(_ f: FunctionDecl, named name: String, in interface: String)
        -> InterfaceFunctionInfo
    {
        InterfaceFunctionInfo(
            name: name, parameterTypes: f.parameters.map { resolveType($0.type, in: interface) ?? .void },
            parameterNames: f.parameters.map { $0.name?.name ?? "" },
            returnType: f.returns.count > 1
                ? .tuple(f.returns.map { resolveType($0.type, in: interface) ?? .void })
                : f.returns.first.map { resolveType($0.type, in: interface) ?? .void },
            isView: f.mutability == .view || f.mutability == .pure, isPayable: f.mutability == .payable)
    }

    /// Resolves a written type; reports and returns nil when it names nothing.
    func resolveType(_ t: TypeName, in contract: String?) -> SolType? {
        switch t {
        case .elementary(let e, _):
            return e.solType
        case .mapping(let k, let v, _):
            guard let key = resolveType(k, in: contract), let value = resolveType(v, in: contract) else { return nil }
            switch key {
            case .uint, .int, .bool, .address, .enumType, .interface, .fixedBytes, .string, .bytes: break
            default:
                bag.error("sema.mapping-key", "'\(key)' cannot be a mapping key", at: k.range)
                return nil
            }
            return .mapping(key: key, value: value)
        case .function(let f):
            if f.isExternal {
                bag.add(SemaDiagnostics.notSupported("an external function type", f.range))
                return nil
            }
            var parameters: [SolType] = []
            var returns: [SolType] = []
            for p in f.parameters {
                guard let t = resolveType(p, in: contract) else { return nil }
                parameters.append(t)
            }
            for r in f.returns {
                guard let t = resolveType(r, in: contract) else { return nil }
                returns.append(t)
            }
            return .function(parameters: parameters, returns: returns)
        case .array(let element, let length, _):
            guard let e = resolveType(element, in: contract) else { return nil }
            var size: Int?
            if let length {
                guard case .number(let lit) = length.kind, let n = lit.value.integer, n > 0, n <= 1 << 20 else {
                    bag.add(SemaDiagnostics.notSupported("an array length that is not a number literal", length.range))
                    return nil
                }
                size = Int(n)
            }
            return arrayType(of: e, size: size)
        case .named(let id):
            if let q = qualifiedTypeName(id.name, in: contract, from: id.range.file) {
                if structDecls[q] != nil { return .structType(q) }
                return .enumType(q, memberCount: enumDecls[q]?.members.count ?? 0)
            }
            if let t = declaration(id, seenBy: contract, in: userTypeDecls) {
                return userType(t, in: contract)
            }
            let key = global(id.name, from: id.range.file)
            if interfaceDecls[key] != nil || contractDecls[key] != nil { return .interface(key) }
            bag.add(SemaDiagnostics.undeclared(id.name, id.range))
            return nil
        }
    }
}

extension Analyzer {
    /// The struct an array type is laid out as (see `ArrayInfo`), registered on first use.
    func arrayType(of element: SolType, size: Int?) -> SolType {
        let name = "\(element)[\(size.map(String.init) ?? "")]"
        if arrays[name] == nil {
            arrays[name] = ArrayInfo(element: element, size: size)
            structs[name] = StructInfo(
                name: name, fields: [("length", .uint(256)), ("items", .mapping(key: .uint(256), value: element))],
                range: SourceRange(file: FileID(0), start: 0, end: 0))
        }
        return .structType(name)
    }

    /// A user-defined value type is its underlying elementary type (solc keeps them apart; Vigil
    /// accepts some code solc rejects, and gives valid code its meaning).
    func userType(_ t: UserTypeDecl, in contract: String?) -> SolType? {
        guard case .elementary = t.underlying else {
            bag.error(
                "sema.user-type", "a user-defined value type must be over an elementary type", at: t.underlying.range)
            return nil
        }
        return resolveType(t.underlying, in: contract)
    }
}

/// A declaration known by its name.
protocol NamedDeclaration {
    var name: Identifier { get }
}

extension StructDecl: NamedDeclaration {}
extension EnumDecl: NamedDeclaration {}
extension ErrorDecl: NamedDeclaration {}
extension EventDecl: NamedDeclaration {}
extension UserTypeDecl: NamedDeclaration {}
