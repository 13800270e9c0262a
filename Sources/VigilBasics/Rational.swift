import BigInt

/// An exact rational number, always normalised (positive denominator, lowest terms).
/// Solidity number literals are rationals until they are used at a type.
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    public let numerator: BigInt
    public let denominator: BigInt

    public init(_ n: BigInt, _ d: BigInt = 1) {
        precondition(d != 0, "zero denominator")
        var n = n
        var d = d
        if d < 0 {
            n = -n
            d = -d
        }
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        if g > 1 {
            n /= BigInt(g)
            d /= BigInt(g)
        }
        numerator = n
        denominator = d
    }

    public init(_ i: Int) { self.init(BigInt(i)) }

    public var isInteger: Bool { denominator == 1 }
    /// The value when it is an integer.
    public var integer: BigInt? { isInteger ? numerator : nil }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// Exact division; nil when dividing by zero.
    public func divided(by b: Rational) -> Rational? {
        b.numerator == 0 ? nil : Rational(numerator * b.denominator, denominator * b.numerator)
    }
    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }

    public var description: String { isInteger ? numerator.description : "\(numerator)/\(denominator)" }
}
