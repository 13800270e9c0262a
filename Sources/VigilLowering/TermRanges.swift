import BigInt
import SMT
import VigilTrace

/// Bounds of integer terms the encoder builds, so that range checks and wraps that can never
/// fire are left out of the formula (a checked `uint32(s) << 8` of a `uint16 s` needs neither).
struct TermRanges {
    typealias Range = (low: BigInt, high: BigInt)

    private var known: [ObjectIdentifier: Range] = [:]
    /// Keeps the terms of `known` alive, so their identifiers stay unique.
    private var retained: [Term] = []
    private static let maximumDepth = 12

    /// Records the bounds of a fresh constant.
    mutating func register(_ t: Term, _ low: BigInt, _ high: BigInt) {
        known[ObjectIdentifier(t)] = (low, high)
        retained.append(t)
    }

    /// Bounds of `t`, when they follow from its shape; nil when unknown.
    func range(_ t: Term) -> Range? { range(t, depth: 0) }

    /// True when `t` certainly lies in `[low, high]`.
    func within(_ t: Term, _ low: BigInt, _ high: BigInt) -> Bool {
        guard let r = range(t) else { return false }
        return r.low >= low && r.high <= high
    }

    private func range(_ t: Term, depth: Int) -> Range? {
        if let v = t.intLiteralValue { return (v, v) }
        if let r = known[ObjectIdentifier(t)] { return r }
        guard depth < Self.maximumDepth, let op = t.op else { return nil }
        let args = t.arguments
        func sub(_ i: Int) -> Range? { range(args[i], depth: depth + 1) }
        switch op {
        case .add:
            var low = BigInt(0)
            var high = BigInt(0)
            for i in args.indices {
                guard let r = sub(i) else { return nil }
                low += r.low
                high += r.high
            }
            return (low, high)
        case .sub:
            guard args.count == 2, let a = sub(0), let b = sub(1) else { return nil }
            return (a.low - b.high, a.high - b.low)
        case .neg:
            guard let a = sub(0) else { return nil }
            return (-a.high, -a.low)
        case .mul:
            guard args.count == 2, let a = sub(0), let b = sub(1) else { return nil }
            let products = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high]
            return (products.min()!, products.max()!)
        case .mod:
            guard args.count == 2, let c = args[1].intLiteralValue, c > 0 else { return nil }
            if let a = sub(0), a.low >= 0, a.high < c { return a }
            return (0, c - 1)
        case .div:
            guard args.count == 2, let c = args[1].intLiteralValue, c > 0, let a = sub(0) else { return nil }
            return (floorDivide(a.low, c), floorDivide(a.high, c))
        case .ite:
            guard let a = sub(1), let b = sub(2) else { return nil }
            return (min(a.low, b.low), max(a.high, b.high))
        default:
            return nil
        }
    }

    private func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r < 0 ? q - 1 : q
    }
}
