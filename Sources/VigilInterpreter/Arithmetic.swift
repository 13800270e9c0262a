import BigInt
import VigilSema
import VigilSyntax

/// How an arithmetic result is kept in range.
enum ArithmeticMode {
    /// Outside `unchecked`: a result that does not fit its type reverts.
    case checked
    /// Inside `unchecked`: the result wraps around.
    case unchecked
    /// In properties: mathematical integers, no range.
    case mathematical
}

/// Solidity 0.8's integer operators on concrete values (docs/LANGUAGE-REFERENCE.md, "Meaning and the attacker").
enum Arithmetic {
    /// The largest exponent or shift a property may compute exactly.
    static let mathematicalBitLimit = 65_536

    /// `a op b` at `type`; `line` names the place of a revert.
    static func apply(
        _ op: BinaryOperator, _ a: BigInt, _ b: BigInt, type written: SolType, mode: ArithmeticMode, line: Int
    ) throws(Interruption) -> BigInt {
        // `bytesN` operators (bitwise and shifts) are those of the unsigned integer of 8N bits.
        let type = written.isFixedBytes ? SolType.uint(written.bitWidth) : written
        switch op {
        case .add: return try fit(a + b, type, mode, line)
        case .subtract: return try fit(a - b, type, mode, line)
        case .multiply: return try fit(a * b, type, mode, line)
        case .divide, .modulo:
            guard b != 0 else {
                if mode == .mathematical { throw .propertyFalse }
                throw .revert("\(op == .divide ? "division" : "modulo") by zero at line \(line)")
            }
            return try fit(op == .divide ? a / b : a % b, type, mode, line)
        case .power:
            return try power(a, b, type: type, mode: mode, line: line)
        case .shiftLeft:
            return try shiftLeft(a, b, type: type, mode: mode)
        case .shiftRight:
            return shiftRight(a, b, width: mode == .mathematical ? nil : type.bitWidth)
        case .bitAnd, .bitOr, .bitXor:
            guard type.isInteger else { throw .mismatch("internal: bitwise operator on \(type)") }
            let width = type.bitWidth
            let x = SolType.uint(width).wrap(a)
            let y = SolType.uint(width).wrap(b)
            let r: BigInt = op == .bitAnd ? x & y : op == .bitOr ? x | y : x ^ y
            return type.wrap(r)
        default:
            throw .mismatch("internal: '\(op.rawValue)' is not arithmetic")
        }
    }

    /// Keeps a mathematical result in its type according to the mode.
    static func fit(_ r: BigInt, _ type: SolType, _ mode: ArithmeticMode, _ line: Int) throws(Interruption) -> BigInt {
        switch mode {
        case .mathematical:
            return r
        case .unchecked:
            guard type.isInteger else { throw .mismatch("internal: arithmetic at type \(type)") }
            return type.wrap(r)
        case .checked:
            guard type.isInteger else { throw .mismatch("internal: arithmetic at type \(type)") }
            if r > type.maxValue { throw .revert("arithmetic overflow at line \(line)") }
            if r < type.minValue { throw .revert("arithmetic underflow at line \(line)") }
            return r
        }
    }

    /// `-a`.
    static func negate(_ a: BigInt, type: SolType, mode: ArithmeticMode, line: Int) throws(Interruption) -> BigInt {
        try fit(-a, type, mode, line)
    }

    /// `~a`: `max - a` for unsigned types, `-a - 1` for signed ones (and in properties).
    static func bitNot(_ a: BigInt, type: SolType) -> BigInt {
        if case .uint = type { return type.maxValue - a }
        return -a - 1
    }

    private static func power(
        _ a: BigInt, _ b: BigInt, type: SolType, mode: ArithmeticMode, line: Int
    ) throws(Interruption) -> BigInt {
        guard b >= 0 else { throw .mismatch("internal: negative exponent") }
        if b == 0 { return try fit(1, type, mode, line) }
        if a == 0 || a == 1 { return a }
        if a == -1 { return try fit(b.isMultiple(of: 2) ? 1 : -1, type, mode, line) }
        switch mode {
        case .unchecked:
            guard type.isInteger else { throw .mismatch("internal: arithmetic at type \(type)") }
            let modulus = BigInt(1) << type.bitWidth
            let base = SolType.uint(type.bitWidth).wrap(a)
            return type.wrap(base.power(b, modulus: modulus))
        case .checked:
            // |a| >= 2, so |a|^b >= 2^b: beyond any width once b exceeds it.
            guard type.isInteger else { throw .mismatch("internal: arithmetic at type \(type)") }
            if b > BigInt(type.bitWidth) { throw .revert("arithmetic overflow at line \(line)") }
            return try fit(a.power(Int(b)), type, mode, line)
        case .mathematical:
            let bits = BigInt(a.magnitude.bitWidth) * b
            guard bits <= BigInt(mathematicalBitLimit) else {
                throw .mismatch("a property computes a power too large to evaluate")
            }
            return a.power(Int(b))
        }
    }

    private static func shiftLeft(_ a: BigInt, _ b: BigInt, type: SolType, mode: ArithmeticMode) throws(Interruption)
        -> BigInt
    {
        guard b >= 0 else { throw .mismatch("internal: negative shift") }
        if a == 0 { return 0 }
        if mode == .mathematical {
            guard b + BigInt(a.magnitude.bitWidth) <= BigInt(mathematicalBitLimit) else {
                throw .mismatch("a property computes a shift too large to evaluate")
            }
            return a << Int(b)
        }
        guard type.isInteger else { throw .mismatch("internal: shift at type \(type)") }
        // x << n = wrap(x * 2^n): zero once n reaches the width.
        if b >= BigInt(type.bitWidth) { return 0 }
        return type.wrap(a << Int(b))
    }

    /// `floor(a / 2^b)`; with a width, any shift beyond it gives 0 or -1.
    private static func shiftRight(_ a: BigInt, _ b: BigInt, width: Int?) -> BigInt {
        let limit = BigInt(width ?? mathematicalBitLimit) + BigInt(a.magnitude.bitWidth) + 1
        if b >= limit || b < 0 { return a < 0 ? -1 : 0 }
        return floorDivide(a, BigInt(1) << Int(b))
    }

    /// Division rounding toward negative infinity (for a positive divisor).
    static func floorDivide(_ a: BigInt, _ d: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: d)
        return r != 0 && (r < 0) != (d < 0) ? q - 1 : q
    }
}
