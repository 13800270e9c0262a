import BigInt
import SMT
import Testing

/// The arithmetic, comparison and array smart constructors.
@Suite struct ArithmeticAndArraySimplificationTests {
    let x = Term.constant("x", .int)
    let y = Term.constant("y", .int)
    let i = Term.constant("i", .int)
    let j = Term.constant("j", .int)
    let a = Term.constant("a", .array(index: .int, element: .int))

    @Test func addFlattensAndSumsLiterals() {
        let sum = Term.add([Term.int(2), x, Term.add(y, Term.int(3))])
        #expect(sum.op == .add)
        #expect(sum.arguments == [x, y, Term.int(5)])
        #expect(Term.add(x, Term.int(0)) === x)
        #expect(Term.add([]) == Term.int(0))
        #expect(Term.add(Term.int(2), Term.int(-2)) == Term.int(0))
    }

    @Test func addOfASharedTermDoesNotBlowUp() {
        var doubled = x
        for _ in 0..<64 { doubled = Term.add(doubled, doubled) }
        #expect(doubled.arguments.count <= Term.flatteningLimit)
    }

    @Test func subMulNegFold() {
        #expect(Term.sub(Term.int(3), Term.int(5)) == Term.int(-2))
        #expect(Term.sub(x, Term.int(0)) === x)
        #expect(Term.sub(x, x) == Term.int(0))
        #expect(Term.mul(Term.int(6), Term.int(-7)) == Term.int(-42))
        #expect(Term.mul(x, Term.int(1)) === x)
        #expect(Term.mul(Term.int(1), x) === x)
        #expect(Term.mul(x, Term.int(0)) == Term.int(0))
        #expect(Term.neg(Term.int(5)) == Term.int(-5))
        #expect(Term.neg(Term.neg(x)) === x)
        #expect(Term.mul(x, y).op == .mul)
    }

    /// SMT-LIB `div` and `mod` are Euclidean: the remainder is never negative (unlike Swift's `/` and `%`).
    @Test(arguments: [
        (7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -3, 1), (-7, -2, 4, 1), (6, 3, 2, 0), (-6, 3, -2, 0), (0, 5, 0, 0),
        (-1, 5, -1, 4),
    ])
    func divAndModFoldWithSMTLibSemantics(dividend: Int, divisor: Int, quotient: Int, remainder: Int) {
        #expect(Term.div(Term.int(dividend), Term.int(divisor)) == Term.int(quotient))
        #expect(Term.mod(Term.int(dividend), Term.int(divisor)) == Term.int(remainder))
    }

    @Test func divisionByZeroIsLeftToTheSolver() {
        #expect(Term.div(Term.int(5), Term.int(0)).op == .div)
        #expect(Term.mod(Term.int(5), Term.int(0)).op == .mod)
        #expect(Term.div(x, Term.int(1)) === x)
        #expect(Term.mod(x, Term.int(1)) == Term.int(0))
    }

    @Test func comparisonsFold() {
        #expect(Term.lt(Term.int(3), Term.int(4)) == .true)
        #expect(Term.le(Term.int(4), Term.int(4)) == .true)
        #expect(Term.gt(Term.int(3), Term.int(4)) == .false)
        #expect(Term.ge(Term.int(-1), Term.int(4)) == .false)
        #expect(Term.lt(x, x) == .false)
        #expect(Term.le(x, x) == .true)
        #expect(Term.lt(x, y).op == .lt)
    }

    @Test func selectOverStoreAtTheSameIndexIsTheValue() {
        #expect(Term.select(Term.store(a, i, x), i) === x)
        #expect(Term.select(Term.store(a, Term.int(1), x), Term.int(1)) === x)
    }

    @Test func selectSkipsStoresAtOtherLiteralIndices() {
        let written = Term.store(Term.store(a, Term.int(1), x), Term.int(2), y)
        #expect(Term.select(written, Term.int(1)) === x)
        #expect(Term.select(written, Term.int(3)) == Term.select(a, Term.int(3)))
    }

    @Test func selectAtAnUnknownIndexStaysASelect() {
        let read = Term.select(Term.store(a, i, x), j)
        #expect(read.op == .select)
        #expect(read.arguments[0].op == .store)
        #expect(read.sort == .int)
    }

    @Test func selectOfAConstantArrayIsItsValue() {
        let zeros = Term.constArray(index: .int, value: Term.int(0))
        #expect(zeros.sort == .array(index: .int, element: .int))
        #expect(Term.select(zeros, i) == Term.int(0))
        #expect(Term.select(Term.store(zeros, Term.int(1), x), Term.int(2)) == Term.int(0))
    }

    @Test func storeSimplifications() {
        #expect(Term.store(Term.store(a, i, x), i, y) == Term.store(a, i, y))
        #expect(Term.store(a, i, Term.select(a, i)) === a)
    }

    @Test func quantifiersOverNothingOrLiteralsDisappear() {
        #expect(Term.forall([], Term.lt(x, y)) == Term.lt(x, y))
        #expect(Term.exists([x], .true) == .true)
        #expect(Term.forall([x], Term.lt(x, y)).sort == .bool)
    }
}
