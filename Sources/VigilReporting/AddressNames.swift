import BigInt
import VigilTrace

/// Stable readable names for the addresses of one trace: `this`, roles held in state
/// (`owner`), `attacker` for the account that re-enters, then `user1`, `user2`, ...
public struct AddressNames: Sendable {
    private var names: [BigInt: String] = [:]

    public init(trace: Trace) {
        names[trace.thisAddress] = "this"
        for role in trace.roles {
            if case .address(let a) = role.value, names[a] == nil, a != 0 { names[a] = role.name }
        }
        var users = 0
        func visit(_ step: TraceStep) {
            let reenters = step.externalCalls.contains { $0.handsOverControl && !$0.calls.isEmpty }
            if case .address(let a) = step.sender, names[a] == nil {
                if reenters && !names.values.contains("attacker") {
                    names[a] = "attacker"
                } else {
                    users += 1
                    names[a] = "user\(users)"
                }
            }
            for call in step.externalCalls {
                if case .address(let a) = call.target, names[a] == nil {
                    if call.handsOverControl && !call.calls.isEmpty && !names.values.contains("attacker") {
                        names[a] = "attacker"
                    }
                }
                call.calls.forEach(visit)
            }
        }
        // Attackers first: the senders whose calls hand over control and get re-entered.
        for step in trace.steps where step.externalCalls.contains(where: { $0.handsOverControl && !$0.calls.isEmpty }) {
            if case .address(let a) = step.sender, names[a] == nil { names[a] = "attacker" }
            break
        }
        trace.steps.forEach(visit)
    }

    /// The name of an address, or its hex form when it has none.
    public func name(_ a: BigInt) -> String {
        if a == 0 { return "address(0)" }
        return names[a] ?? "0x" + String(a, radix: 16)
    }

    /// A value in Vigil syntax, with addresses named.
    public func format(_ v: TraceValue) -> String {
        switch v {
        case .int(let i): return i.description
        case .bool(let b): return b ? "true" : "false"
        case .address(let a): return name(a)
        case .enumMember(let m): return m
        case .text(let t): return t
        }
    }

    /// A state path in Vigil syntax: `balances[attacker].amount`.
    public func format(_ path: [PathComponent]) -> String {
        path.map { c in
            switch c {
            case .variable(let n): return n
            case .key(let k): return "[\(format(k))]"
            case .field(let f): return ".\(f)"
            }
        }.joined()
    }
}
