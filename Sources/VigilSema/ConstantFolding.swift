import BigInt
import VigilBasics
import VigilSyntax

/// Why a constant expression has no value.
struct FoldProblem: Error {
    let message: String
}

/// Exact evaluation of operators on number literals, as Solidity does before a literal meets a type.
enum ConstantFolding {
    /// Results above this many bits are rejected rather than computed.
    static let maximumBits = 4096

    static func fold(_ op: BinaryOperator, _ a: Rational, _ b: Rational) -> Result<Rational, FoldProblem> {
        switch op {
        case .add: return checked(a + b)
        case .subtract: return checked(a - b)
        case .multiply: return checked(a * b)
        case .divide:
            guard let q = a.divided(by: b) else { return .failure(FoldProblem(message: "division by zero")) }
            return checked(q)
        case .modulo:
            guard let x = a.integer, let y = b.integer else { return nonInteger(op) }
            guard y != 0 else { return .failure(FoldProblem(message: "modulo by zero")) }
            return .success(Rational(x - (x.quotientAndRemainder(dividingBy: y).quotient * y)))
        case .power:
            guard let e = b.integer, e >= 0 else {
                return .failure(FoldProblem(message: "the exponent must be a non-negative integer"))
            }
            let baseBits = max(a.numerator.magnitude.bitWidth, a.denominator.magnitude.bitWidth)
            guard e <= BigInt(maximumBits), BigInt(baseBits) * e <= BigInt(maximumBits) else {
                return .failure(FoldProblem(message: "constant expression is too large"))
            }
            let n = Int(e)
            return .success(Rational(a.numerator.power(n), a.denominator.power(n)))
        case .shiftLeft, .shiftRight:
            guard let x = a.integer, let y = b.integer else { return nonInteger(op) }
            guard y >= 0, y <= BigInt(maximumBits) else {
                return .failure(FoldProblem(message: "shift amount out of range"))
            }
            if op == .shiftLeft { return checked(Rational(x << Int(y))) }
            return .success(Rational(floorDivide(x, BigInt(1) << Int(y))))
        case .bitAnd, .bitOr, .bitXor:
            guard let x = a.integer, let y = b.integer else { return nonInteger(op) }
            switch op {
            case .bitAnd: return .success(Rational(x & y))
            case .bitOr: return .success(Rational(x | y))
            default: return .success(Rational(x ^ y))
            }
        default:
            return .failure(FoldProblem(message: "'\(op.rawValue)' is not a constant operator"))
        }
    }

    private static func checked(_ r: Rational) -> Result<Rational, FoldProblem> {
        if r.numerator.magnitude.bitWidth > maximumBits || r.denominator.magnitude.bitWidth > maximumBits {
            return .failure(FoldProblem(message: "constant expression is too large"))
        }
        return .success(r)
    }

    private static func nonInteger(_ op: BinaryOperator) -> Result<Rational, FoldProblem> {
        .failure(FoldProblem(message: "'\(op.rawValue)' needs integer operands"))
    }

    private static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
    }
}
