import VigilBasics

// Number literals: decimal with `_` separators, hex, scientific and decimal fractions, with an
// optional unit word. Values are exact rationals, computed without floating point.

/// The unit words a number literal may end with, and the factor each applies.
let numberUnits: [String: Int] = [
    "wei": 1, "gwei": 1_000_000_000, "ether": 1_000_000_000_000_000_000,
    "seconds": 1, "minutes": 60, "hours": 3_600, "days": 86_400, "weeks": 604_800,
]

extension Lexer {
    /// The most significant digits a literal may have before it counts as absurd.
    static let maximumDigits = 100
    /// The largest exponent (in absolute value) a literal may have.
    static let maximumExponent = 1000

    /// A number literal at `position`, with the unit word that follows it if any.
    mutating func lexNumber() {
        let start = position
        var problem: String?
        var digits: [UInt8] = []  // digit values, most significant first
        var fractionDigits = 0
        var exponent = 0
        let isHex =
            bytes[position] == UInt8(ascii: "0") && (byte(at: position + 1) | 0x20) == UInt8(ascii: "x")
        if isHex {
            position += 2
            scanDigits(into: &digits, isHex: true, problem: &problem)
            if digits.isEmpty { problem = problem ?? "'0x' needs hex digits" }
        } else {
            scanDigits(into: &digits, isHex: false, problem: &problem)
            if digits.count > 1 && digits[0] == 0 { problem = problem ?? "leading zeros are not allowed" }
            if byte(at: position) == UInt8(ascii: ".") && Lexer.isDigit(byte(at: position + 1)) {
                position += 1
                let before = digits.count
                scanDigits(into: &digits, isHex: false, problem: &problem)
                fractionDigits = digits.count - before
            }
            if (byte(at: position) | 0x20) == UInt8(ascii: "e") {
                let sign = byte(at: position + 1) == UInt8(ascii: "-") ? 1 : 0
                if Lexer.isDigit(byte(at: position + 1 + sign)) {
                    position += 1 + sign
                    var exponentDigits: [UInt8] = []
                    scanDigits(into: &exponentDigits, isHex: false, problem: &problem)
                    exponent = exponentDigits.reduce(0) { min($0 * 10 + Int($1), 1_000_000) }
                    if sign == 1 { exponent = -exponent }
                }
            }
        }
        if Lexer.isIdentifierPart(byte(at: position)) {
            while Lexer.isIdentifierPart(byte(at: position)) { position += 1 }
            problem = problem ?? "unexpected characters after the digits"
        }
        let numberEnd = position
        let unit = scanUnit()
        let end = unit?.end ?? numberEnd
        let literalRange = range(start, end)
        let spelling = text(start, end)
        if problem == nil, let known = knownNumbers[spelling] {
            result.tokens.append(Token(kind: .numberLiteral, start: start, end: end, payload: known))
            return
        }
        var value = Rational(0)
        if let problem {
            result.diagnostics.append(SyntaxDiagnostics.invalidNumber(problem, at: literalRange))
        } else if digits.count > Lexer.maximumDigits || abs(exponent) > Lexer.maximumExponent {
            result.diagnostics.append(SyntaxDiagnostics.numberTooLarge(at: literalRange))
        } else if let small = Lexer.smallValue(
            digits, radix: isHex ? 16 : 10, scale: exponent - fractionDigits, factor: unit?.factor ?? 1)
        {
            value = Rational(small)
        } else {
            value = Lexer.integerValue(digits, radix: isHex ? 16 : 10)
            let scale = exponent - fractionDigits
            if scale > 0 { value = value * Lexer.powerOfTen(scale) }
            if scale < 0 { value = value.divided(by: Lexer.powerOfTen(-scale)) ?? value }
            if let unit { value = value * Rational(unit.factor) }
        }
        let literal = NumberLiteral(
            value: value, text: spelling, isAddressLiteral: isHex && digits.count == 40 && unit == nil)
        if problem == nil { knownNumbers[spelling] = result.numbers.count }
        result.tokens.append(Token(kind: .numberLiteral, start: start, end: end, payload: result.numbers.count))
        result.numbers.append(literal)
    }

    /// The value as a machine integer when it is an integer that fits one (the common case, which
    /// avoids big-number arithmetic); nil otherwise.
    static func smallValue(_ digits: [UInt8], radix: Int, scale: Int, factor: Int) -> Int? {
        guard digits.count < 12, scale >= 0, scale < 6 else { return nil }
        var value = digits.reduce(0) { $0 * radix + Int($1) }
        for _ in 0..<scale { value *= 10 }
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Digits and `_` separators; a `_` must stand between two digits.
    private mutating func scanDigits(into digits: inout [UInt8], isHex: Bool, problem: inout String?) {
        while position < bytes.count {
            let b = bytes[position]
            if isHex ? Lexer.isHexDigit(b) : Lexer.isDigit(b) {
                digits.append(UInt8(Lexer.hexValue(b)))
            } else if b == UInt8(ascii: "_") {
                let next = byte(at: position + 1)
                let nextIsDigit = isHex ? Lexer.isHexDigit(next) : Lexer.isDigit(next)
                let previous = byte(at: position - 1)
                let previousIsDigit = isHex ? Lexer.isHexDigit(previous) : Lexer.isDigit(previous)
                if !nextIsDigit || !previousIsDigit { problem = problem ?? "'_' must stand between digits" }
            } else {
                return
            }
            position += 1
        }
    }

    /// A unit word after the literal (separated by whitespace only), consumed; nil when none.
    private mutating func scanUnit() -> (factor: Int, end: Int)? {
        var cursor = position
        while cursor < bytes.count && Lexer.isWhitespace(bytes[cursor]) { cursor += 1 }
        guard cursor > position else { return nil }  // `1ether` was already reported as malformed
        let wordStart = cursor
        while cursor < bytes.count && Lexer.isIdentifierPart(bytes[cursor]) { cursor += 1 }
        guard cursor > wordStart, cursor - wordStart <= 7,
            let factor = numberUnits[String(decoding: bytes[wordStart..<cursor], as: UTF8.self)]
        else { return nil }
        position = cursor
        return (factor, cursor)
    }

    /// The integer with these digits, built from machine-word chunks.
    static func integerValue(_ digits: [UInt8], radix: Int) -> Rational {
        let chunkLength = radix == 16 ? 15 : 18
        var value = Rational(0)
        var index = 0
        while index < digits.count {
            let chunk = digits[index..<min(index + chunkLength, digits.count)]
            var chunkValue = 0
            var scale = 1
            for d in chunk {
                chunkValue = chunkValue * radix + Int(d)
                scale *= radix
            }
            value = value * Rational(scale) + Rational(chunkValue)
            index += chunkLength
        }
        return value
    }

    /// 10^n for n ≥ 0, by repeated squaring.
    static func powerOfTen(_ n: Int) -> Rational {
        var result = Rational(1)
        var base = Rational(10)
        var n = n
        while n > 0 {
            if n & 1 == 1 { result = result * base }
            n >>= 1
            if n > 0 { base = base * base }
        }
        return result
    }
}
