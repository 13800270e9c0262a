import BigInt
import VigilBasics
import VigilSyntax

/// What a name or member expression refers to.
public enum Reference: Hashable, Sendable {
    /// A state variable of the contract being analysed, by index into `ContractInfo.stateVariables`.
    case stateVariable(Int)
    /// A parameter, return variable, local variable or bound variable, by its declaration's id.
    case local(NodeID)
    /// A member of an enum: `E.A`.
    case enumMember(enumName: String, index: Int)
    /// A field of a struct value: `s.f`, by index into the struct's fields.
    case structField(structName: String, index: Int)
    /// `this`
    case this
    case msgSender
    case msgValue
    /// `msg.data`: an opaque `bytes` value (nothing may read its contents).
    case msgData
    /// `msg.sig`: the selector of the function the transaction or call runs
    /// (`SemanticModel.selectors`); any value in `receive` and `fallback`, 0 at deployment.
    case msgSig
    case txOrigin
    case blockTimestamp
    case blockNumber
    /// `block.chainid`: one value for the whole run.
    case chainID
    /// `block.coinbase`, `block.prevrandao`, `block.basefee`, `block.gaslimit`, `tx.gasprice`,
    /// `gasleft()`: any value of its type (the replay does not choose them).
    case environmentValue(String)
    /// The contract's ether: `address(this).balance` in code, `balance` in properties.
    case selfBalance
    /// `a.balance` for an address other than `this`: any value.
    case otherBalance
    /// `a.code.length`: the size of the code at an address (one value per address in a run;
    /// `this` has code, except while its constructor runs).
    case codeSize
    /// `result` in an `ensures`.
    case result
    /// `reverted` in a rule, after a `try call`.
    case reverted
    /// A name that denotes a type (struct, enum, interface, elementary): used as a callee or member base.
    case typeName(SolType)
    /// A function of the contract, used as a callee.
    case function(String)
    /// A built-in function name used as a callee (`require`, `assert`, `revert`, `assume`, `satisfy`, `old`, `sum`, `payable`).
    case builtin(String)
    /// `msg`, `block`, `tx`: only as member bases.
    case magic(String)
}

/// What a call expression does.
public enum CallTarget: Hashable, Sendable {
    /// An internal call of a contract function (inlined by every later stage).
    case internalFunction(String)
    /// `this.f(args)`: an external call of the contract's own public or external function `f`,
    /// run as its code with `msg.sender == this` and no value (no handover: control stays).
    case selfCall(String)
    /// `x.f(args)` through `using L for T`: the internal call `L.f(x, args)` (the receiver first).
    case boundFunction(String)
    /// `S(a, b)`: a struct value.
    case structConstructor(String)
    /// `T(x)`: a conversion to an elementary, enum or interface type.
    case conversion(SolType)
    /// `i.f(args)` on an interface value: an external call. A non-`view` one hands over control.
    case interfaceFunction(interface: String, function: String, isView: Bool)
    /// `a.push()` or `a.push(x)` on an array in storage.
    case arrayPush
    /// `a.pop()` on an array in storage.
    case arrayPop
    /// `new C{value: v}(args)`: a contract created at a fresh address, whose code (its
    /// constructor, and every later call into it) is treated as code outside the run.
    case creation(contract: String)
    /// `new T[](n)`, `new bytes(n)`, `new string(n)`: `n` zero elements in memory.
    case newArray
    /// `op(a, b)` through a function value: the function it names (Solidity's panic for none).
    case functionValue
    /// `gasleft()`: any value (the replay does not choose it).
    case gasLeft
    /// A built-in function the engines over-approximate and the interpreter computes where it can.
    case abstracted(AbstractedBuiltin)
    /// `addmod(a, b, n)` or `mulmod(a, b, n)`: exact, reverting (Solidity's panic) when `n` is zero.
    case modularArithmetic(multiply: Bool)
    /// `to.call{value: v}("")`: hands over control; returns `(bool, bytes)`.
    case lowLevelCall
    /// `to.staticcall(data)`: returns any `(bool, bytes)`; nothing it runs can change this
    /// contract (a re-entrant call that would reverts), so it hands over nothing.
    case staticCall
    /// `to.delegatecall(data)`: code outside the run with this contract's storage, abstracted:
    /// any state and balance after it, any `(bool, bytes)` (an `Abstraction` each result lists).
    case delegateCall
    /// `to.transfer(v)`: cannot re-enter; reverts on failure.
    case transfer
    /// `to.send(v)`: cannot re-enter; returns whether ether was sent.
    case send
    case require
    case assert
    /// `revert()` / `revert("message")`
    case revert
    case assume
    case satisfy
    case old
    case sum
}

/// Built-in functions whose results the engines take as any value of their type (an
/// over-approximation each result lists): hashing, ABI encoding and decoding, `ecrecover`,
/// concatenation. The interpreter computes the real value where it can.
public enum AbstractedBuiltin: String, Sendable, Hashable {
    // `abi.encodeCall(I.f, (a, b))`: `I.f` is the selector's constant, and the tuple's components
    // are the encoded values (`encodedOperands`).
    case keccak256, sha256, ripemd160, ecrecover
    /// `blockhash(n)`: any `bytes32` (the chain's history is outside the run).
    case blockhash
    case abiEncode = "abi.encode"
    case abiEncodePacked = "abi.encodePacked"
    case abiEncodeWithSelector = "abi.encodeWithSelector"
    case abiEncodeWithSignature = "abi.encodeWithSignature"
    case abiEncodeCall = "abi.encodeCall"
    case abiDecode = "abi.decode"
    case bytesConcat = "bytes.concat"
    case stringConcat = "string.concat"

    /// Whether the encoding starts with a selector, its first operand (a `bytes4`, or the
    /// signature it is the hash of).
    public var startsWithSelector: Bool {
        self == .abiEncodeWithSelector || self == .abiEncodeWithSignature || self == .abiEncodeCall
    }

    /// The operands of a call of it: the arguments, or for `abi.encodeCall(I.f, (a, b))` the
    /// selector `I.f` and then `a` and `b`.
    public func encodedOperands(_ arguments: [Expr]) -> [Expr] {
        guard self == .abiEncodeCall, arguments.count == 2 else { return arguments }
        if case .tuple(let parts) = arguments[1].kind { return [arguments[0]] + parts.compactMap { $0 } }
        return arguments
    }

    /// What a result that rests on it names (`abstracted: hashing at F.sol:12`).
    public var abstraction: Abstraction.Kind {
        switch self {
        case .keccak256, .sha256, .ripemd160: .hashing
        case .ecrecover: .signatureRecovery
        case .blockhash: .blockHash
        case .abiEncode, .abiEncodePacked, .abiEncodeWithSelector, .abiEncodeWithSignature, .abiEncodeCall:
            .abiEncoding
        case .abiDecode: .abiDecoding
        case .bytesConcat, .stringConcat: .concatenation
        }
    }
}

/// Code the engines over-approximate, which every result of its contract names.
public struct Abstraction: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// Inline assembly: see `AssemblyEffects`.
        case inlineAssembly = "inline assembly"
        /// `new C(...)`: the new contract's code is treated as code outside the run.
        case creation = "contract creation"
        /// `x ** y` with a variable exponent, a shift by a variable amount, `&`, `|` or `^` of two
        /// variables wider than 64 bits: any value of the type (a power may also overflow).
        case arithmetic = "arithmetic"
        /// `keccak256`, `sha256`, `ripemd160` of a computed value: any hash.
        case hashing = "hashing"
        case signatureRecovery = "ecrecover"
        case blockHash = "blockhash"
        /// `abi.encode...`: any bytes; `abi.decode`: any values of its types.
        case abiEncoding = "ABI encoding"
        case abiDecoding = "ABI decoding"
        /// `bytes.concat`, `string.concat`: bytes of the summed length, any contents.
        case concatenation = "concatenation"
        /// Storage at a constant slot (`StorageSlot.getAddressSlot(SLOT)`, ERC-7201 namespaces):
        /// a variable of its own, assumed apart from the declared ones (not an over-approximation,
        /// an assumption, listed the same way).
        case storageSlot = "storage at a constant slot, assumed apart from the declared variables,"
        /// `delegatecall`: see `CallTarget.delegateCall`.
        case delegateCall = "delegatecall to code outside the run"
    }
    public let kind: Kind
    public let range: SourceRange
}

/// A state variable with its resolved type.
public struct StateVariableInfo: Sendable {
    public let name: String
    public let type: SolType
    public let decl: StateVariableDecl
    public var isConstant: Bool { decl.isConstant }
    public var isImmutable: Bool { decl.isImmutable }
    public var initializer: Expr? { decl.initializer }
}

/// A function (or constructor, `receive`, `fallback`) with its resolved signature.
public struct FunctionInfo: Sendable {
    public let name: String
    public let decl: FunctionDecl
    public let kind: FunctionKind
    public let visibility: Visibility
    public let mutability: Mutability
    public let parameterTypes: [SolType]
    /// nil when the function returns nothing.
    public let returnType: SolType?

    public init(
        name: String, decl: FunctionDecl, kind: FunctionKind, visibility: Visibility, mutability: Mutability,
        parameterTypes: [SolType], returnType: SolType?
    ) {
        self.name = name
        self.decl = decl
        self.kind = kind
        self.visibility = visibility
        self.mutability = mutability
        self.parameterTypes = parameterTypes
        self.returnType = returnType
    }
    /// The types of its return values, in order (none, one, or a tuple's components).
    public var returnTypes: [SolType] {
        switch returnType {
        case nil: []
        case .tuple(let ts)?: ts
        case let t?: [t]
        }
    }
    /// True for public and external functions, `receive` and `fallback`: what transactions may call.
    public var isEntryPoint: Bool {
        switch kind {
        case .receive, .fallback: true
        case .constructor: false
        case .function: visibility == .public || visibility == .external
        }
    }
    public var isPayable: Bool { mutability == .payable }
    /// The constructor, or one contract's part of a derived contract's constructor (`Base.constructor`).
    public var runsAtDeployment: Bool { kind == .constructor || name.hasSuffix(".constructor") }
    public var isView: Bool { mutability == .view || mutability == .pure }
}

/// An interface function's signature.
public struct InterfaceFunctionInfo: Sendable {
    public let name: String
    public let parameterTypes: [SolType]
    /// As declared (empty strings for unnamed ones): for calls with named arguments.
    public let parameterNames: [String]
    public let returnType: SolType?
    public let isView: Bool
    public let isPayable: Bool
}

public struct InterfaceInfo: Sendable {
    public let name: String
    /// By name, or by signature key (`f(uint256)`) for an overloaded name.
    public let functions: [String: InterfaceFunctionInfo]
    /// The keys of each overloaded name.
    public let overloads: [String: [String]]
    public let range: SourceRange

    /// The function a call `i.name(...)` with `count` arguments calls.
    public func function(_ name: String, arguments count: Int) -> InterfaceFunctionInfo? {
        if let f = functions[name] { return f }
        let matching = (overloads[name] ?? []).compactMap { functions[$0] }.filter { $0.parameterTypes.count == count }
        return matching.count == 1 ? matching[0] : nil
    }
}

public struct StructInfo: Sendable {
    public let name: String
    public let fields: [(name: String, type: SolType)]
    public let range: SourceRange
    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
}

public struct EnumInfo: Sendable {
    public let name: String
    public let members: [String]
}

/// Where a property was written: inline in the contract or in a spec file.
public struct InvariantInfo: Sendable {
    public let name: String
    public let expression: Expr
    public let range: SourceRange
}

/// An `ensures` clause, inline or from a spec; its property name is `ensures@LINE`.
public struct EnsuresInfo: Sendable {
    /// `ensures@LINE`, or `ensures@LINE:COL` where a line holds more than one.
    public internal(set) var name: String
    public let function: String
    public let expression: Expr
    public let range: SourceRange
}

/// An in-code `assert(e)`, named `assert@LINE`, or `assert@LINE:COL` where a line of the
/// contract holds more than one; or a built-in check at an arithmetic step, named
/// `panic@LINE:COL` or `unchecked@LINE:COL`. Both fail where the code reaches them with
/// their condition false, in any frame.
public struct AssertInfo: Sendable {
    public internal(set) var name: String
    /// The id of the `assert(...)` call expression, or of the arithmetic step checked.
    public let call: NodeID
    public let range: SourceRange
    /// Which built-in check this is; nil for an `assert` in the code.
    public var builtIn: BuiltInCheck? = nil
}

/// An array type `T[]` or `T[N]`. It is laid out as a struct of two fields, `length` (field 0;
/// for `T[N]`, `N` is its length whatever the field holds) and `items` (field 1, a mapping from
/// index to element), so that every stage's structs and mappings serve arrays too.
public struct ArrayInfo: Sendable, Hashable {
    public let element: SolType
    /// N for `T[N]`; nil for a dynamic array.
    public let size: Int?
    public init(element: SolType, size: Int?) {
        self.element = element
        self.size = size
    }
}

/// The built-in checks (docs/LANGUAGE-REFERENCE.md, "Built-in checks"): Solidity's panics that
/// signal a bug, and, on request, `unchecked` steps that wrap.
public enum BuiltInCheck: String, Sendable, Hashable, CaseIterable {
    /// `panic@LINE:COL`: a division or modulo by a value that may be zero.
    case divisionByZero
    /// `panic@LINE:COL`: a conversion to an enum of a value that may be out of its range.
    case enumOutOfRange
    /// `panic@LINE:COL`: an array index that may be out of bounds.
    case indexOutOfBounds
    /// `panic@LINE:COL`: a `pop()` of an array that may be empty.
    case emptyArrayPop
    /// `unchecked@LINE:COL`: an `unchecked` addition, subtraction or multiplication that can wrap.
    case uncheckedWrap

    /// The first part of the checks' names, as `--checks` names the kind.
    public var kind: String { self == .uncheckedWrap ? "unchecked" : "panic" }
}

/// A `rule`, with what the analysis found about its statements.
public struct RuleInfo: Sendable {
    public let name: String
    public let decl: RuleDecl
    /// True when the rule uses `satisfy` (and therefore no `assert`).
    public let isSatisfy: Bool
    /// True when the rule has a `call any`.
    public let hasCallAny: Bool
    /// The values the environment chooses for the rule: its parameters, then its locals declared
    /// without a value, in source order. Engines and the interpreter agree on this order.
    public let inputs: [VariableDecl]
}

/// A contract with everything the analysis resolved about it.
public struct ContractInfo: Sendable {
    public let name: String
    /// Its bases, most derived first (solc's linearization without the contract itself).
    public let bases: [String]
    public let decl: ContractDecl
    public let stateVariables: [StateVariableInfo]
    /// Functions by name (constructor, receive and fallback are separate).
    public let functions: [String: FunctionInfo]
    /// Function names in source order.
    public let functionOrder: [String]
    public let constructor: FunctionInfo?
    public let receive: FunctionInfo?
    public let fallback: FunctionInfo?
    public let modifiers: [String: ModifierDecl]
    public let invariants: [InvariantInfo]
    public let ensures: [EnsuresInfo]
    public let asserts: [AssertInfo]
    public let trusted: [Expr]
    public let rules: [RuleInfo]
    /// Which of `tx.origin`, `block.timestamp`, `block.number` and `block.chainid` (as
    /// `Reference`s) the contract's code and properties read.
    public let environmentReads: Set<Reference>
    /// The code the engines over-approximate in its code (its bases' and linked libraries' too).
    public let abstractions: [Abstraction]
    /// The internal functions its code names as values (`op = _add;`), sorted: the value of a
    /// function is its position here plus one; 0 is the value of no function.
    public let functionValues: [String]

    /// The function a function value names; nil for 0 and unknown values.
    public func function(value: Int) -> FunctionInfo? {
        functionValues.indices.contains(value - 1) ? functions[functionValues[value - 1]] : nil
    }

    /// The function value of `name` (0 when the code never names it as a value).
    public func functionValue(of name: String) -> Int { (functionValues.firstIndex(of: name) ?? -1) + 1 }

    /// Every function a transaction may call, in source order, then `receive` and `fallback`.
    public var entryPoints: [FunctionInfo] {
        functionOrder.compactMap { functions[$0] }.filter(\.isEntryPoint) + [receive, fallback].compactMap { $0 }
    }
}

/// The result of semantic analysis: the parsed units, the resolved declarations and a
/// side table for every expression. Read by the encoder and, independently, the interpreter.
public struct SemanticModel: Sendable {
    public let sources: SourceManager
    public let units: [SourceUnit]
    public let contracts: [ContractInfo]
    public let interfaces: [String: InterfaceInfo]
    public let structs: [String: StructInfo]
    public let enums: [String: EnumInfo]
    /// The type of every expression, after implicit conversion of literals to the type they are used at.
    public let types: [NodeID: SolType]
    /// What each identifier and member expression refers to.
    public let references: [NodeID: Reference]
    /// What each call expression does.
    public let calls: [NodeID: CallTarget]
    /// The value of every constant expression (literals and expressions of literals) at its type.
    public let constants: [NodeID: BigInt]
    /// The declared type of every parameter, return variable, local and bound variable.
    public let variableTypes: [NodeID: SolType]
    /// Local variables declared `storage`: they alias a location in state.
    public let storageLocals: Set<NodeID>
    /// Expressions evaluated inside `unchecked { }` (their arithmetic wraps).
    public let uncheckedExpressions: Set<NodeID>
    /// The event each `emit` statement emits, by the statement's id.
    public let emittedEvents: [NodeID: EventDecl]
    /// The arrays (in storage), by the name of the struct each is laid out as: `length` and
    /// `items`, a mapping from index to element (see `ArrayInfo`).
    public let arrays: [String: ArrayInfo]
    /// For each call with named arguments (`f({b: y, a: x})`), the written position of the
    /// argument of each parameter, in the parameters' order: the arguments to evaluate.
    public let namedArgumentOrder: [NodeID: [Int]]
    /// What each inline assembly statement may do, by the statement's id.
    public let assemblyEffects: [NodeID: AssemblyEffects]
    /// Whether the code of the run reads or writes the contents of a `bytes` or `string` value
    /// (`b.length`, `b[i]`, a slice, `bytes32(b)`). Then every `bytes` and `string` value is an
    /// array of `bytes1` to every stage; otherwise they are opaque and cost the engines nothing.
    public let bytesContents: Bool
    /// Storage a slot function returns at another variable's location, by the expression's id:
    /// `Strings.getStringSlot(store).value` (the field of a one-field struct at `store.slot`)
    /// is `store`, `Arrays.unsafeAccess(arr, pos).value` is `arr[pos]` (unchecked, see
    /// `unsafeIndexes`), and the call `Checkpoints._unsafeAccess(arr, pos)` is `arr[pos]`.
    public let storageAliases: [NodeID: Expr]
    /// Array elements read or written without the bounds check: `arr[pos]` made for the
    /// storage an element slot function returns (OpenZeppelin's `Arrays.unsafeAccess(arr, pos)`,
    /// whose `.value` `storageAliases` maps to it), by the made expression's id.
    public let unsafeIndexes: Set<NodeID>
    /// `bytesN` values used as a wider `bytesM` (an argument, an assigned value, an operand):
    /// the bits their value is shifted left by (`8 * (M - N)`: padded on the right), by the
    /// expression's id. Constants are widened in `constants` instead.
    public let widenings: [NodeID: Int]
    /// The selector of each public and external function, by its declaration's id, in the
    /// contracts whose code reads `msg.sig`.
    public let selectors: [NodeID: BigInt]

    /// The array a value of type `t` is, if it is one (`bytes` and `string` too, when their
    /// contents are read).
    public func array(_ t: SolType?) -> ArrayInfo? {
        if bytesContents, t == .bytes || t == .string { return arrays[Self.bytesLayout] }
        guard case .structType(let name)? = t else { return nil }
        return arrays[name]
    }

    /// The array type `bytes` and `string` are laid out as when their contents are read.
    public static let bytesLayout = "bytes1[]"

    /// The type a value of type `t` is laid out as: `bytes1[]` for `bytes` and `string` when
    /// their contents are read, `t` itself otherwise.
    public func layoutType(_ t: SolType) -> SolType {
        bytesContents && (t == .bytes || t == .string) ? .structType(Self.bytesLayout) : t
    }

    public func contract(named name: String) -> ContractInfo? { contracts.first { $0.name == name } }

    /// The contracts a name given by a user selects: `Name` every contract of that name (several
    /// files of a run may declare one), `path:Name` the one of the file whose path ends with `path`.
    public func contracts(matching name: String) -> [ContractInfo] {
        contracts.filter { c in c.name == name || writtenName(c.name) == name || c.name.hasSuffix("/" + name) }
    }
}

/// The name a declaration is written with: its run-wide key without the `path:` that a name
/// several files declare carries (`src/a.sol:Vault` is `Vault`; see FileScopes.swift).
public func writtenName(_ key: String) -> String {
    key.lastIndex(of: ":").map { String(key[key.index(after: $0)...]) } ?? key
}

/// A qualified name `C.N` split into the key of its owner and the member's name; nil for a name
/// with no owner. The owner's key may hold a path (`src/a.sol:C.N`: see FileScopes.swift).
public func qualifiedParts(_ name: String) -> (owner: String, member: String)? {
    let afterPath = name.lastIndex(of: ":").map { name.index(after: $0) } ?? name.startIndex
    guard let dot = name[afterPath...].lastIndex(of: ".") else { return nil }
    return (String(name[..<dot]), String(name[name.index(after: dot)...]))
}
