import BigInt

/// An immutable SMT term: a node of a directed acyclic graph whose children are shared, never copied.
///
/// Build terms with the simplifying static constructors (`Term.and`, `Term.ite`, `Term.select`, …), which fold
/// literals and neutral elements as they go. `init(kind:sort:)` is the raw constructor: it neither simplifies nor
/// checks sorts, so an ill-sorted term is only rejected when a solver translates it (as a thrown `SolverError`).
///
/// Equality is structural and hashing is consistent with it. The hash is computed once, at construction, from the
/// children's cached hashes, so hashing a large DAG costs O(1); equality first tries identity (`===`) and the cached
/// hashes, and otherwise compares the two DAGs in time linear in their size.
public final class Term: Hashable, Sendable, CustomStringConvertible {
    /// The operators of function applications (`Kind.apply`), each with its SMT-LIB meaning.
    public enum Op: Hashable, Sendable {
        /// Boolean negation, `not`, one argument.
        case not
        /// Conjunction, `and`, any number of arguments.
        case and
        /// Disjunction, `or`, any number of arguments.
        case or
        /// Implication, `=>`, two arguments.
        case implies
        /// If-then-else, `ite`: a Bool condition and two branches of the same sort.
        case ite
        /// Equality, `=`, two arguments of the same sort.
        case eq
        /// Pairwise distinctness, `distinct`, any number of arguments of one sort.
        case distinct
        /// Integer addition, `+`, any number of arguments.
        case add
        /// Integer subtraction, `-`, two or more arguments (left-associative).
        case sub
        /// Integer multiplication, `*`, two or more arguments.
        case mul
        /// Integer division, SMT-LIB `div` (Euclidean: the remainder is never negative), two arguments.
        case div
        /// Integer remainder, SMT-LIB `mod` (Euclidean: `0 <= mod < |divisor|`), two arguments.
        case mod
        /// Integer negation, unary `-`.
        case neg
        /// Less than, `<`.
        case lt
        /// Less than or equal, `<=`.
        case le
        /// Greater than, `>`.
        case gt
        /// Greater than or equal, `>=`.
        case ge
        /// Array read, `select`: an array and an index.
        case select
        /// Array write, `store`: an array, an index and a value.
        case store
        /// An uninterpreted predicate of a Horn system (Bool-valued), with the sorts of its arguments.
        case predicate(name: String, domain: [Sort])
    }

    /// What a term is: its head and its immediate children.
    public enum Kind: Sendable {
        /// A free constant (a zero-ary function symbol); also used for the bound variables of quantifiers.
        case constant(name: String, sort: Sort)
        /// An integer literal of any size.
        case intLiteral(BigInt)
        /// `true` or `false`.
        case boolLiteral(Bool)
        /// An operator applied to arguments.
        case apply(Op, [Term])
        /// The array of sort `(Array index value.sort)` that maps every index to `value`.
        case constArray(index: Sort, value: Term)
        /// A quantified formula; `bound` are `.constant` terms, which are bound inside `body`.
        case quantifier(isForall: Bool, bound: [Term], body: Term)
    }

    /// The head and children of this term.
    public let kind: Kind
    /// The sort of this term.
    public let sort: Sort
    /// The structural hash, computed once from the children's cached hashes.
    private let cachedHash: Int

    /// The raw constructor: builds exactly `kind` with the given `sort`, without simplifying or checking sorts.
    ///
    /// Prefer the static smart constructors; use this only to build a term the simplifier would rewrite (in tests,
    /// for instance, or to keep a formula's shape in a dump).
    public init(kind: Kind, sort: Sort) {
        self.kind = kind
        self.sort = sort
        var hasher = Hasher()
        switch kind {
        case .constant(let name, let sort):
            hasher.combine(0)
            hasher.combine(name)
            hasher.combine(sort)
        case .intLiteral(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .boolLiteral(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .apply(let op, let arguments):
            hasher.combine(3)
            hasher.combine(op)
            hasher.combine(arguments.count)
            for argument in arguments { hasher.combine(argument.cachedHash) }
        case .constArray(let index, let value):
            hasher.combine(4)
            hasher.combine(index)
            hasher.combine(value.cachedHash)
        case .quantifier(let isForall, let bound, let body):
            hasher.combine(5)
            hasher.combine(isForall)
            hasher.combine(bound.count)
            for variable in bound { hasher.combine(variable.cachedHash) }
            hasher.combine(body.cachedHash)
        }
        cachedHash = hasher.finalize()
    }

    /// Feeds the cached structural hash to `hasher` (constant time, whatever the size of the term).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(cachedHash)
    }

    /// Structural equality; identical objects and differing cached hashes are decided at once.
    public static func == (lhs: Term, rhs: Term) -> Bool {
        if lhs === rhs { return true }
        if lhs.cachedHash != rhs.cachedHash { return false }
        return structurallyEqual(lhs, rhs)
    }

    /// The operator when this term is an application, otherwise `nil`.
    public var op: Op? {
        if case .apply(let op, _) = kind { return op }
        return nil
    }

    /// The arguments when this term is an application, otherwise an empty array.
    public var arguments: [Term] {
        if case .apply(_, let arguments) = kind { return arguments }
        return []
    }

    /// The value when this term is an integer literal, otherwise `nil`.
    public var intLiteralValue: BigInt? {
        if case .intLiteral(let value) = kind { return value }
        return nil
    }

    /// The value when this term is a Boolean literal, otherwise `nil`.
    public var boolLiteralValue: Bool? {
        if case .boolLiteral(let value) = kind { return value }
        return nil
    }

    // MARK: - Structural comparison

    /// A pair of terms under comparison, by identity.
    private struct Pair: Hashable {
        let left: ObjectIdentifier
        let right: ObjectIdentifier
    }

    /// Compares two DAGs without recursion; each pair of shared subterms is compared once.
    private static func structurallyEqual(_ lhs: Term, _ rhs: Term) -> Bool {
        var pending: [(Term, Term)] = [(lhs, rhs)]
        var visited: Set<Pair> = []
        while let (left, right) = pending.popLast() {
            if left === right { continue }
            if left.cachedHash != right.cachedHash || left.sort != right.sort { return false }
            // Marking before the children are compared is sound: any mismatch below ends the whole comparison.
            guard visited.insert(Pair(left: ObjectIdentifier(left), right: ObjectIdentifier(right))).inserted else {
                continue
            }
            switch (left.kind, right.kind) {
            case (.constant(let leftName, let leftSort), .constant(let rightName, let rightSort)):
                if leftName != rightName || leftSort != rightSort { return false }
            case (.intLiteral(let leftValue), .intLiteral(let rightValue)):
                if leftValue != rightValue { return false }
            case (.boolLiteral(let leftValue), .boolLiteral(let rightValue)):
                if leftValue != rightValue { return false }
            case (.apply(let leftOp, let leftArguments), .apply(let rightOp, let rightArguments)):
                if leftOp != rightOp || leftArguments.count != rightArguments.count { return false }
                pending.append(contentsOf: zip(leftArguments, rightArguments))
            case (.constArray(let leftIndex, let leftValue), .constArray(let rightIndex, let rightValue)):
                if leftIndex != rightIndex { return false }
                pending.append((leftValue, rightValue))
            case (
                .quantifier(let leftForall, let leftBound, let leftBody),
                .quantifier(let rightForall, let rightBound, let rightBody)
            ):
                if leftForall != rightForall || leftBound.count != rightBound.count { return false }
                pending.append(contentsOf: zip(leftBound, rightBound))
                pending.append((leftBody, rightBody))
            default:
                return false
            }
        }
        return true
    }
}
