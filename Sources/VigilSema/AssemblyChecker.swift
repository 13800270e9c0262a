import VigilBasics
import VigilSyntax

/// What the engines assume an inline assembly block does: a sound over-approximation of it
/// (docs/LANGUAGE-REFERENCE.md, "Inline assembly"). The interpreter does not run assembly, so
/// a counterexample through a block is never confirmed.
public struct AssemblyEffects: Sendable {
    /// The Solidity locals the block assigns: each takes any value of its type.
    public let assigned: [NodeID]
    /// Whether the block may write memory: every local held in memory takes any value.
    public let writesMemory: Bool
    /// Whether the block may revert (`revert`, `invalid`).
    public let mayRevert: Bool
    /// Whether the block writes storage, calls, creates or destroys: the contract's state and
    /// balance take any value.
    public let changesState: Bool
    /// Whether the block may end the call (`return`, `stop`): the rest of the call, in every
    /// function it runs in, may not run.
    public let mayEndCall: Bool
}

/// The EVM dialect's builtins, by what the abstraction needs to know of them.
enum YulBuiltins {
    static let changeState: Set<String> = [
        "sstore", "call", "callcode", "delegatecall", "create", "create2", "selfdestruct",
    ]
    static let writeMemory: Set<String> = [
        "mstore", "mstore8", "calldatacopy", "codecopy", "extcodecopy", "returndatacopy", "mcopy", "datacopy",
        "staticcall", "call", "callcode", "delegatecall",
    ]
    static let revert: Set<String> = ["revert", "invalid"]
    /// Builtins that end the whole call from inside a function: not abstracted yet.
    static let endCall: Set<String> = ["return", "stop"]
    static let readState: Set<String> = [
        "sload", "balance", "selfbalance", "extcodesize", "extcodehash", "extcodecopy", "staticcall",
    ]
    static let all: Set<String> =
        changeState.union(writeMemory).union(revert).union(endCall).union(readState).union([
            "add", "sub", "mul", "div", "sdiv", "mod", "smod", "exp", "not", "lt", "gt", "slt", "sgt", "eq",
            "iszero", "and", "or", "xor", "byte", "shl", "shr", "sar", "addmod", "mulmod", "signextend",
            "keccak256", "pc", "pop", "mload", "tload", "tstore", "msize", "gas", "address", "caller", "callvalue",
            "calldataload", "calldatasize", "codesize", "returndatasize", "chainid", "basefee", "blobbasefee",
            "origin", "gasprice", "blockhash", "blobhash", "coinbase", "timestamp", "number", "difficulty",
            "prevrandao", "gaslimit", "log0", "log1", "log2", "log3", "log4", "datasize", "dataoffset",
            "memoryguard", "setimmutable", "loadimmutable", "linkersymbol",
        ])
}

extension Analyzer {
    /// Resolves the Solidity names an assembly block uses and records what it may do.
    func checkAssembly(_ a: InlineAssembly, statement s: Stmt) {
        var walk = YulWalk()
        walkYul(a.body, &walk)
        if walk.changesState { context.writesState = true }
        if walk.changesState || walk.readsState { context.readsState = true }
        assemblyEffects[s.id] = AssemblyEffects(
            assigned: walk.assigned, writesMemory: walk.writesMemory, mayRevert: walk.mayRevert,
            changesState: walk.changesState, mayEndCall: walk.mayEndCall)
        // A slot function's block never runs: each call of it names its slot's variable.
        if currentContract != nil, !inSlotFunction {
            current.abstractions.append(Abstraction(kind: .inlineAssembly, range: s.range))
        }
    }

    private func walkYul(_ block: YulBlock, _ walk: inout YulWalk) {
        var functions: Set<String> = []
        for case .function(let name, _, _, _) in block.statements { functions.insert(name.name) }
        walk.scopes.append(functions)
        defer { walk.scopes.removeLast() }
        for statement in block.statements { walkYul(statement, &walk) }
    }

    private func walkYul(_ statement: YulStatement, _ walk: inout YulWalk) {
        switch statement {
        case .block(let b):
            walkYul(b, &walk)
        case .variables(let names, let value, _):
            if let value { walkYul(value, &walk) }
            for n in names { walk.scopes[walk.scopes.count - 1].insert(n.name) }
        case .assignment(let targets, let value, _):
            walkYul(value, &walk)
            for t in targets { assignYul(t, &walk) }
        case .expression(let e):
            walkYul(e, &walk)
        case .ifStmt(let condition, let body):
            walkYul(condition, &walk)
            walkYul(body, &walk)
        case .switchStmt(let value, let cases, _):
            walkYul(value, &walk)
            for c in cases { walkYul(c.body, &walk) }
        case .forLoop(let initializer, let condition, let post, let body):
            // The initializer's variables are visible in the rest of the loop.
            var functions: Set<String> = []
            for case .function(let name, _, _, _) in initializer.statements { functions.insert(name.name) }
            walk.scopes.append(functions)
            for s in initializer.statements { walkYul(s, &walk) }
            walkYul(condition, &walk)
            walkYul(post, &walk)
            walkYul(body, &walk)
            walk.scopes.removeLast()
        case .function(_, let parameters, let returns, let body):
            // (Yul hides the variables around a function from its body; solc reports a use of one.)
            walk.scopes.append(Set((parameters + returns).map(\.name)))
            walkYul(body, &walk)
            walk.scopes.removeLast()
        case .breakStmt, .continueStmt, .leave:
            break
        }
    }

    private func walkYul(_ e: YulExpression, _ walk: inout YulWalk) {
        switch e {
        case .literal:
            break
        case .path(let p):
            readYul(p, &walk)
        case .call(let name, let arguments, let range):
            for a in arguments { walkYul(a, &walk) }
            if walk.declares(name.name) { return }
            let builtin = name.name
            guard YulBuiltins.all.contains(builtin) || builtin.hasPrefix("verbatim_") else {
                bag.error("sema.yul-unknown-function", "no Yul builtin or function named '\(builtin)'", at: name.range)
                return
            }
            if YulBuiltins.endCall.contains(builtin) { walk.mayEndCall = true }
            if YulBuiltins.changeState.contains(builtin) { walk.changesState = true }
            if YulBuiltins.writeMemory.contains(builtin) { walk.writesMemory = true }
            if YulBuiltins.readState.contains(builtin) { walk.readsState = true }
            if YulBuiltins.revert.contains(builtin) { walk.mayRevert = true }
        }
    }

    /// A name the block reads: its own variable, or a Solidity local, constant, or the `.slot`
    /// or `.offset` of a storage variable.
    private func readYul(_ p: YulPath, _ walk: inout YulWalk) {
        if walk.declares(p.name.name) { return }
        if let id = lookupLocal(p.name.name) {
            context.used.insert(id)
            return
        }
        // In a library function linked into the contract, the library's constants are `L.X`.
        let linked = context.owner.flatMap(qualifiedParts).map { "\($0.owner).\(p.name.name)" }
        if let i = current.stateIndex[p.name.name] ?? linked.flatMap({ current.stateIndex[$0] }) {
            let v = current.stateVariables[i]
            if p.suffix == nil, !v.isConstant {
                bag.error(
                    "sema.yul-state-variable",
                    "a state variable is used in inline assembly through '\(p.name.name).slot' and "
                        + "'\(p.name.name).offset' only", at: p.range)
            }
            if !v.isConstant { walk.readsState = true }
            return
        }
        bag.add(SemaDiagnostics.undeclared(p.name.name, p.name.range))
    }

    /// A name the block assigns: its own variable, or a Solidity local (also through the `.offset`
    /// and `.length` of call data), which then takes any value.
    private func assignYul(_ p: YulPath, _ walk: inout YulWalk) {
        if walk.declares(p.name.name) { return }
        guard let id = lookupLocal(p.name.name) else {
            guard current.stateIndex[p.name.name] != nil else {
                bag.add(SemaDiagnostics.undeclared(p.name.name, p.name.range))
                return
            }
            bag.error(
                "sema.yul-assignment",
                "inline assembly assigns its own variables and Solidity locals only: '\(p.name.name)' is a state "
                    + "variable (its slot is '\(p.name.name).slot')", at: p.range)
            return
        }
        context.used.insert(id)
        // `result.offset := 0` and `result.length := 0` of call data (OpenZeppelin's
        // Calldata.emptyBytes()): the variable takes any value, as any local the block assigns.
        if let suffix = p.suffix?.name, calldataLocals.contains(id), suffix == "offset" || suffix == "length" {
            if !walk.assigned.contains(id) { walk.assigned.append(id) }
            return
        }
        if p.suffix?.name == "slot", inSlotFunction { return }
        if p.suffix != nil || storageLocals.contains(id) {
            bag.add(
                SemaDiagnostics.notSupported("assigning '\(p.text)' in inline assembly (a storage pointer)", p.range))
            return
        }
        walk.assigned.append(id)
    }
}

/// The names in scope and the effects found while walking one assembly block.
struct YulWalk {
    var scopes: [Set<String>] = []
    var assigned: [NodeID] = []
    var writesMemory = false
    var mayRevert = false
    var changesState = false
    var readsState = false
    var mayEndCall = false

    func declares(_ name: String) -> Bool { scopes.contains { $0.contains(name) } }
}
