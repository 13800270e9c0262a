import VigilBasics

// The syntax tree of one source file. Every node carries its exact source range; nodes
// that later stages annotate (expressions, declarations of locals) carry a `NodeID`
// unique within the run, which the semantic model uses as a key.

/// Identifies an AST node within one run.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: NodeID, b: NodeID) -> Bool { a.raw < b.raw }
    public var description: String { "#\(raw)" }
}

/// Hands out node ids; one allocator serves every file of a run so ids never collide.
public struct NodeIDAllocator: Sendable {
    public private(set) var next: Int
    public init(startingAt next: Int = 0) { self.next = next }
    public mutating func make() -> NodeID {
        defer { next += 1 }
        return NodeID(next)
    }
}

/// A name with its range.
public struct Identifier: Hashable, Sendable {
    public let name: String
    public let range: SourceRange
    public init(_ name: String, _ range: SourceRange) {
        self.name = name
        self.range = range
    }
}

// MARK: - Source units

/// The kind of source file, which decides whether properties may appear in contracts.
public enum SourceKind: String, Sendable {
    case solidity  // .sol
    case vigil  // .vigil
    case spec  // .spec
}

/// One parsed file.
public struct SourceUnit: Sendable {
    public let file: FileID
    public let kind: SourceKind
    public var items: [TopLevelItem]
    public init(file: FileID, kind: SourceKind, items: [TopLevelItem]) {
        self.file = file
        self.kind = kind
        self.items = items
    }
}

/// A declaration at file level.
public enum TopLevelItem: Sendable {
    case pragma(PragmaDecl)
    case importDecl(ImportDecl)
    case contract(ContractDecl)  // contracts and interfaces
    case structDecl(StructDecl)
    case enumDecl(EnumDecl)
    case errorDecl(ErrorDecl)
    case eventDecl(EventDecl)
    case spec(SpecDecl)
    /// `using L for T;` at file level (with `global`, for every file).
    case using(UsingDirective)
    /// A function outside any contract (a free function).
    case function(FunctionDecl)
    /// `T constant NAME = value;` at file level.
    case constant(StateVariableDecl)
    /// `type Price is uint128;`
    case userType(UserTypeDecl)
}

/// `pragma solidity ^0.8.0;` — the text after `pragma`, kept verbatim.
public struct PragmaDecl: Sendable {
    public let name: Identifier  // `solidity`, `abicoder`, ...
    public let value: String
    public let range: SourceRange
    public init(name: Identifier, value: String, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// An import in any of solc's forms: `import "p";`, `import "p" as M;`, `import * as M from "p";`,
/// `import {A, B as C} from "p";`.
public struct ImportDecl: Sendable {
    public let path: String
    public let pathRange: SourceRange
    public let range: SourceRange
    /// The names of `import {A, B as C} from "path";` (empty for the other forms).
    public let symbols: [ImportedSymbol]
    /// `M` of `import "path" as M;` and `import * as M from "path";`: the file's names are `M.X`.
    public let unitAlias: Identifier?
    public init(
        path: String, pathRange: SourceRange, range: SourceRange, symbols: [ImportedSymbol] = [],
        unitAlias: Identifier? = nil
    ) {
        self.path = path
        self.pathRange = pathRange
        self.range = range
        self.symbols = symbols
        self.unitAlias = unitAlias
    }
}

/// `try e returns (T v) { body } catch ... { }`: `e` is an external call or a contract creation.
public struct TryStatement: Sendable {
    public let call: Expr
    /// The variables of `returns (...)`, bound to what the call returns (empty when not written).
    public let returns: [VariableDecl]
    public let body: Block
    public let catches: [CatchClause]
    public init(call: Expr, returns: [VariableDecl], body: Block, catches: [CatchClause]) {
        self.call = call
        self.returns = returns
        self.body = body
        self.catches = catches
    }
}

/// `catch { }`, `catch (bytes memory data) { }`, `catch Error(string memory reason) { }`,
/// `catch Panic(uint code) { }`.
public struct CatchClause: Sendable {
    /// `Error` or `Panic`; nil for the clause that catches every failure.
    public let kind: Identifier?
    public let parameters: [VariableDecl]
    public let body: Block
    public let range: SourceRange
    public init(kind: Identifier?, parameters: [VariableDecl], body: Block, range: SourceRange) {
        self.kind = kind
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

/// `A` or `A as B` in `import {A as B} from "path";`.
public struct ImportedSymbol: Sendable {
    public let name: Identifier
    public let alias: Identifier?
    public init(name: Identifier, alias: Identifier?) {
        self.name = name
        self.alias = alias
    }
    /// The name the importing file knows it by.
    public var localName: Identifier { alias ?? name }
}

public enum ContractKind: String, Sendable {
    case contract
    case interface
    case library
}

/// `type Price is uint128;`: a user-defined value type over an elementary type.
public struct UserTypeDecl: Sendable {
    public let name: Identifier
    public let underlying: TypeName
    public let range: SourceRange
    public init(name: Identifier, underlying: TypeName, range: SourceRange) {
        self.name = name
        self.underlying = underlying
        self.range = range
    }
}

/// `using L for T;`, `using L for *;`, `using {f, L.g} for T [global];`.
public struct UsingDirective: Sendable {
    /// The library whose functions are bound (`using L for ...`); nil for a list of functions.
    public let library: Identifier?
    /// The functions listed (`using {f, L.g} for T`), each as written (`L.g` qualified).
    public let functions: [Identifier]
    /// The functions listed as operators (`using {eq as ==} for T global`).
    public let operators: [UserOperator]
    /// The type the functions are bound to; nil for `*` (every type).
    public let target: TypeName?
    public let isGlobal: Bool
    public let range: SourceRange
    public init(
        library: Identifier?, functions: [Identifier], operators: [UserOperator] = [], target: TypeName?,
        isGlobal: Bool, range: SourceRange
    ) {
        self.library = library
        self.functions = functions
        self.operators = operators
        self.target = target
        self.isGlobal = isGlobal
        self.range = range
    }
}

/// `f as OP` in `using {f as OP} for T global`: the function `OP` on values of `T` runs.
public struct UserOperator: Sendable {
    public let function: Identifier
    public let op: BinaryOperator
    public let range: SourceRange
    public init(function: Identifier, op: BinaryOperator, range: SourceRange) {
        self.function = function
        self.op = op
        self.range = range
    }
}

/// A contract or an interface.
public struct ContractDecl: Sendable {
    public let kind: ContractKind
    public let name: Identifier
    /// `abstract contract`: never deployed, may leave functions unimplemented.
    public let isAbstract: Bool
    /// The bases after `is`, as written (most base-like first).
    public let bases: [InheritanceSpecifier]
    public var members: [ContractMember]
    public let range: SourceRange
    public init(
        kind: ContractKind, name: Identifier, isAbstract: Bool = false, bases: [InheritanceSpecifier] = [],
        members: [ContractMember], range: SourceRange
    ) {
        self.kind = kind
        self.name = name
        self.isAbstract = isAbstract
        self.bases = bases
        self.members = members
        self.range = range
    }
}

/// One base after `is`: `B` or `B(args)` (the arguments of its constructor).
public struct InheritanceSpecifier: Sendable {
    public let name: Identifier
    /// nil when no parentheses were written.
    public let arguments: [Expr]?
    public let range: SourceRange
    public init(name: Identifier, arguments: [Expr]?, range: SourceRange) {
        self.name = name
        self.arguments = arguments
        self.range = range
    }
}

/// `virtual` and `override` / `override(A, B)` on a function, modifier or state variable.
public struct OverrideAttributes: Sendable {
    public var isVirtual = false
    /// nil when `override` was not written; the listed bases otherwise (empty for a bare `override`).
    public var overrides: [Identifier]?
    /// Where `override` was written.
    public var overrideRange: SourceRange?
    public init() {}
}

/// `spec Vault { ... }`: properties attached to a contract by name.
public struct SpecDecl: Sendable {
    public let contract: Identifier
    public var properties: [PropertyDecl]
    public let range: SourceRange
    public init(contract: Identifier, properties: [PropertyDecl], range: SourceRange) {
        self.contract = contract
        self.properties = properties
        self.range = range
    }
}

/// A member of a contract or interface body.
public enum ContractMember: Sendable {
    case stateVariable(StateVariableDecl)
    case function(FunctionDecl)  // also constructor, receive, fallback
    case modifier(ModifierDecl)
    case event(EventDecl)
    case error(ErrorDecl)
    case structDecl(StructDecl)
    case enumDecl(EnumDecl)
    case property(PropertyDecl)  // .vigil only
    case using(UsingDirective)
    case userType(UserTypeDecl)
}

// MARK: - Declarations

public enum Visibility: String, Sendable {
    case `public`, external, `internal`, `private`
}

public enum Mutability: String, Sendable {
    case nonpayable, payable, view, pure
}

/// A state variable.
public struct StateVariableDecl: Sendable {
    public let id: NodeID
    public let type: TypeName
    public let name: Identifier
    public let visibility: Visibility  // `internal` when not written
    public let isConstant: Bool
    public let isImmutable: Bool
    public let initializer: Expr?
    public let range: SourceRange
    /// `override` on a public state variable that implements an external function of a base.
    public let inheritance: OverrideAttributes
    public init(
        id: NodeID, type: TypeName, name: Identifier, visibility: Visibility, isConstant: Bool, isImmutable: Bool,
        initializer: Expr?, range: SourceRange, inheritance: OverrideAttributes = OverrideAttributes()
    ) {
        self.inheritance = inheritance
        self.id = id
        self.type = type
        self.name = name
        self.visibility = visibility
        self.isConstant = isConstant
        self.isImmutable = isImmutable
        self.initializer = initializer
        self.range = range
    }
}

public enum DataLocation: String, Sendable {
    case memory, storage, calldata
}

/// A parameter, return value or local variable declaration (`uint x`, `S storage s`).
public struct VariableDecl: Sendable {
    public let id: NodeID
    public let type: TypeName
    public let location: DataLocation?
    public let name: Identifier?  // parameters may be unnamed
    public let range: SourceRange
    public init(id: NodeID, type: TypeName, location: DataLocation?, name: Identifier?, range: SourceRange) {
        self.id = id
        self.type = type
        self.location = location
        self.name = name
        self.range = range
    }
}

public enum FunctionKind: String, Sendable {
    case function, constructor, receive, fallback
}

/// `onlyOwner` or `lock(1)` in a function header.
public struct ModifierInvocation: Sendable {
    public let name: Identifier
    public let arguments: [Expr]
    public let range: SourceRange
    public init(name: Identifier, arguments: [Expr], range: SourceRange) {
        self.name = name
        self.arguments = arguments
        self.range = range
    }
}

/// An inline `ensures e` clause on a function (.vigil); `range` starts at the keyword.
public struct EnsuresClause: Sendable {
    public let expression: Expr
    public let range: SourceRange
    public init(expression: Expr, range: SourceRange) {
        self.expression = expression
        self.range = range
    }
}

/// A function, constructor, `receive` or `fallback`, or a function signature in an interface.
public struct FunctionDecl: Sendable {
    public let id: NodeID
    public let kind: FunctionKind
    public let name: Identifier  // `constructor`, `receive`, `fallback` for the special ones
    public let parameters: [VariableDecl]
    public let visibility: Visibility?  // nil when not written
    public let mutability: Mutability
    public let modifiers: [ModifierInvocation]
    public let returns: [VariableDecl]
    public let ensures: [EnsuresClause]
    public let body: Block?  // nil in interfaces
    public let range: SourceRange
    public let inheritance: OverrideAttributes
    public init(
        id: NodeID, kind: FunctionKind, name: Identifier, parameters: [VariableDecl], visibility: Visibility?,
        mutability: Mutability, modifiers: [ModifierInvocation], returns: [VariableDecl], ensures: [EnsuresClause],
        body: Block?, range: SourceRange, inheritance: OverrideAttributes = OverrideAttributes()
    ) {
        self.inheritance = inheritance
        self.id = id
        self.kind = kind
        self.name = name
        self.parameters = parameters
        self.visibility = visibility
        self.mutability = mutability
        self.modifiers = modifiers
        self.returns = returns
        self.ensures = ensures
        self.body = body
        self.range = range
    }
}

/// `modifier onlyOwner() { require(msg.sender == owner); _; }`
public struct ModifierDecl: Sendable {
    public let id: NodeID
    public let name: Identifier
    public let parameters: [VariableDecl]
    /// An empty block for a `virtual` modifier without a body (see `isImplemented`).
    public let body: Block
    public let range: SourceRange
    public let inheritance: OverrideAttributes
    /// False for `modifier m() virtual;` in an abstract contract.
    public let isImplemented: Bool
    public init(
        id: NodeID, name: Identifier, parameters: [VariableDecl], body: Block, range: SourceRange,
        inheritance: OverrideAttributes = OverrideAttributes(), isImplemented: Bool = true
    ) {
        self.inheritance = inheritance
        self.isImplemented = isImplemented
        self.id = id
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

public struct EventDecl: Sendable {
    public let name: Identifier
    public let parameters: [VariableDecl]
    public let range: SourceRange
    public init(name: Identifier, parameters: [VariableDecl], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

public struct ErrorDecl: Sendable {
    public let name: Identifier
    public let parameters: [VariableDecl]
    public let range: SourceRange
    public init(name: Identifier, parameters: [VariableDecl], range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.range = range
    }
}

public struct StructDecl: Sendable {
    public let name: Identifier
    public let fields: [VariableDecl]
    public let range: SourceRange
    public init(name: Identifier, fields: [VariableDecl], range: SourceRange) {
        self.name = name
        self.fields = fields
        self.range = range
    }
}

public struct EnumDecl: Sendable {
    public let name: Identifier
    public let members: [Identifier]
    public let range: SourceRange
    public init(name: Identifier, members: [Identifier], range: SourceRange) {
        self.name = name
        self.members = members
        self.range = range
    }
}

// MARK: - Properties

/// A property declaration: in a `.vigil` contract body or a `spec` block.
public enum PropertyDecl: Sendable {
    /// `invariant NAME: e;`
    case invariant(name: Identifier, expression: Expr, range: SourceRange)
    /// `ensures f: e;` (spec form; the inline form is `FunctionDecl.ensures`)
    case ensures(function: Identifier, expression: Expr, range: SourceRange)
    /// `trusted e;`
    case trusted(expression: Expr, range: SourceRange)
    /// `rule NAME(params) { ... }`
    case rule(RuleDecl)

    public var range: SourceRange {
        switch self {
        case .invariant(_, _, let r), .ensures(_, _, let r), .trusted(_, let r): r
        case .rule(let rule): rule.range
        }
    }
}

public struct RuleDecl: Sendable {
    public let id: NodeID
    public let name: Identifier
    public let parameters: [VariableDecl]
    /// An empty block for a `virtual` modifier without a body (see `isImplemented`).
    public let body: Block
    public let range: SourceRange
    public let inheritance: OverrideAttributes
    /// False for `modifier m() virtual;` in an abstract contract.
    public let isImplemented: Bool
    public init(
        id: NodeID, name: Identifier, parameters: [VariableDecl], body: Block, range: SourceRange,
        inheritance: OverrideAttributes = OverrideAttributes(), isImplemented: Bool = true
    ) {
        self.inheritance = inheritance
        self.isImplemented = isImplemented
        self.id = id
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

// MARK: - Types

public enum ElementaryType: Hashable, Sendable, CustomStringConvertible {
    case uint(Int)  // bits, 8...256
    case int(Int)
    case bool
    case address
    case addressPayable
    case string
    case bytes
    /// `bytes1` ... `bytes32`: a value of N bytes.
    case fixedBytes(Int)

    public var description: String {
        switch self {
        case .uint(let b): "uint\(b)"
        case .int(let b): "int\(b)"
        case .bool: "bool"
        case .address: "address"
        case .addressPayable: "address payable"
        case .string: "string"
        case .bytes: "bytes"
        case .fixedBytes(let n): "bytes\(n)"
        }
    }
}

/// A type as written.
public indirect enum TypeName: Sendable {
    case elementary(ElementaryType, SourceRange)
    case mapping(key: TypeName, value: TypeName, range: SourceRange)
    case named(Identifier)  // struct, enum or interface
    /// `T[]` (no length) or `T[N]`.
    case array(element: TypeName, length: Expr?, range: SourceRange)
    /// `function (T, ...) [internal|external] [pure|view|payable] [returns (T, ...)]`
    case function(FunctionTypeName)

    public var range: SourceRange {
        switch self {
        case .elementary(_, let r): r
        case .mapping(_, _, let r): r
        case .named(let id): id.range
        case .array(_, _, let r): r
        case .function(let f): f.range
        }
    }
}

/// A function type as written, with `text` writing each of its types:
/// `function (uint256, uint256) pure returns (bool)`.
public func functionTypeText(_ f: FunctionTypeName, _ text: (TypeName) -> String) -> String {
    var out = "function (" + f.parameters.map(text).joined(separator: ", ") + ")"
    if f.isExternal { out += " external" }
    if f.mutability != .nonpayable { out += " \(f.mutability.rawValue)" }
    if !f.returns.isEmpty { out += " returns (" + f.returns.map(text).joined(separator: ", ") + ")" }
    return out
}

/// A function type: `function (uint256, uint256) pure returns (bool)`.
public struct FunctionTypeName: Sendable {
    public let parameters: [TypeName]
    public let returns: [TypeName]
    /// `external` (a contract's address and selector); internal otherwise.
    public let isExternal: Bool
    public let mutability: Mutability
    public let range: SourceRange
    public init(
        parameters: [TypeName], returns: [TypeName], isExternal: Bool, mutability: Mutability, range: SourceRange
    ) {
        self.parameters = parameters
        self.returns = returns
        self.isExternal = isExternal
        self.mutability = mutability
        self.range = range
    }
}

// MARK: - Statements

public struct Block: Sendable {
    public let statements: [Stmt]
    public let range: SourceRange
    public init(statements: [Stmt], range: SourceRange) {
        self.statements = statements
        self.range = range
    }
}

/// A statement. `require`, `assert`, `revert("...")`, `assume` and `satisfy` are parsed as
/// calls inside `.expression`; semantic analysis tells them apart.
public struct Stmt: Sendable {
    public let id: NodeID
    public let kind: Kind
    public let range: SourceRange
    public init(id: NodeID, kind: Kind, range: SourceRange) {
        self.id = id
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        /// `T x = e;` or `T x;`
        case variable(VariableDecl, initializer: Expr?)
        /// `(bool ok, bytes memory data) = e;` — nil marks an omitted component.
        case tupleVariable([VariableDecl?], initializer: Expr)
        case expression(Expr)
        case block(Block)
        case unchecked(Block)
        case ifStmt(condition: Expr, then: Stmt, else: Stmt?)
        case forStmt(initializer: Stmt?, condition: Expr?, update: Expr?, body: Stmt)
        case whileStmt(condition: Expr, body: Stmt)
        case breakStmt
        case continueStmt
        case returnStmt(Expr?)
        /// `emit E(args);`
        case emit(event: Identifier, arguments: [Expr])
        /// `revert E(args);` with a custom error (the plain `revert(...)` is a call expression)
        case revertError(error: Identifier, arguments: [Expr])
        /// `delete x;`
        case delete(Expr)
        /// `_;` in a modifier
        case placeholder
        /// `assembly { ... }`: Yul, which the engines abstract.
        case assembly(InlineAssembly)
        /// `try call returns (T v) { ... } catch ... { ... }`
        case tryStmt(TryStatement)
        /// `call f(args) from s value v;`, `try call ...`, `call any ...` in rules
        case ruleCall(RuleCall)
    }
}

/// The target of a rule's `call`.
public enum RuleCallTarget: Sendable {
    case function(Identifier, arguments: [Expr])
    case any(SourceRange)
}

/// `[try] call f(args) [from s] [value v];` inside a rule.
public struct RuleCall: Sendable {
    public let isTry: Bool
    public let target: RuleCallTarget
    public let sender: Expr?
    public let value: Expr?
    public let range: SourceRange
    public init(isTry: Bool, target: RuleCallTarget, sender: Expr?, value: Expr?, range: SourceRange) {
        self.isTry = isTry
        self.target = target
        self.sender = sender
        self.value = value
        self.range = range
    }
}

// MARK: - Expressions

public enum UnaryOperator: String, Sendable {
    case not = "!"
    case bitNot = "~"
    case negate = "-"
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case implies = "==>"  // properties only
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case bitOr = "|"
    case bitXor = "^"
    case bitAnd = "&"
    case shiftLeft = "<<"
    case shiftRight = ">>"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case power = "**"
}

/// `=` and the compound assignments; `nil` operator means plain `=`.
public struct AssignmentOperator: Hashable, Sendable {
    public let binary: BinaryOperator?
    public init(_ binary: BinaryOperator?) { self.binary = binary }
    public var spelling: String { (binary?.rawValue ?? "") + "=" }
}

public enum QuantifierKind: String, Sendable {
    case forall, exists
}

/// A number literal as written: its exact value (units applied) and its spelling.
public struct NumberLiteral: Hashable, Sendable {
    public let value: Rational
    public let text: String
    /// True for a hex literal of 40 digits, usable as an address.
    public let isAddressLiteral: Bool
    public init(value: Rational, text: String, isAddressLiteral: Bool) {
        self.value = value
        self.text = text
        self.isAddressLiteral = isAddressLiteral
    }
}

public struct Expr: Sendable {
    public let id: NodeID
    public let kind: Kind
    public let range: SourceRange

    /// The expression inside any parentheses around it.
    public var unparenthesized: Expr {
        if case .parenthesized(let inner) = kind { return inner.unparenthesized }
        return self
    }
    public init(id: NodeID, kind: Kind, range: SourceRange) {
        self.id = id
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        case number(NumberLiteral)
        case bool(Bool)
        /// `f({a: x, b: y})`: arguments by parameter name, in the order written.
        case namedCall(callee: Expr, names: [Identifier], arguments: [Expr])
        /// `new C`, the callee of `new C(args)` (also with `{value: v, salt: s}`).
        case newContract(Identifier)
        /// `new T[]`, `new bytes`, `new string`: the callee of `new T[](n)`, an array in memory.
        case newArray(TypeName)
        /// `T[]` or `T[N]` written as an expression: a type that only `abi.decode` takes.
        case arrayType(TypeName)
        /// A string or hex string literal, as its bytes (adjacent literals joined).
        case string([UInt8])
        /// Any name, including `msg`, `block`, `tx`, `this`, `balance`, `result`, `reverted`,
        /// `require`, `old`, `sum`: semantic analysis decides what it refers to.
        case identifier(String)
        /// `base.name`
        case member(base: Expr, name: Identifier)
        /// `base[index]`
        case index(base: Expr, index: Expr)
        /// `base[start:end]` (either bound may be left out): a slice of a calldata array.
        case slice(base: Expr, start: Expr?, end: Expr?)
        /// `callee(args)`; also `uint8(x)` with an `.elementaryType` callee.
        case call(callee: Expr, arguments: [Expr])
        /// `callee{value: v}(args)`, the call options as written.
        case callOptions(callee: Expr, options: [(name: Identifier, value: Expr)], arguments: [Expr])
        /// An elementary type used as a value: the callee of a conversion (`address(x)`).
        case elementaryType(ElementaryType)
        /// `type(T).max` / `type(T).min`
        case typeQuery(type: TypeName, member: Identifier)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `lhs = rhs`, `lhs += rhs`, ...
        case assignment(AssignmentOperator, lhs: Expr, rhs: Expr)
        /// `x++`, `--x`: `isIncrement` says `++`, `isPrefix` the position.
        case incrementDecrement(isIncrement: Bool, isPrefix: Bool, Expr)
        case conditional(Expr, Expr, Expr)
        /// `(e)`, kept so ranges and dumps are faithful.
        case parenthesized(Expr)
        /// `(a, b)`: several values (returned, or assigned component-wise); nil marks a
        /// component left out on the left of an assignment, `(, b) = f()`.
        case tuple([Expr?])
        /// `[a, b, c]`: a fixed-size array in memory.
        case arrayLiteral([Expr])
        /// `forall T x: e` / `exists T x: e` (properties only)
        case quantifier(QuantifierKind, variable: VariableDecl, body: Expr)
    }
}
