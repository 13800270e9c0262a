import Foundation
import Testing
import VigilBasics
import VigilSyntax

@Suite struct ExpressionTests {
    @Test(arguments: [
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b % c", "(% (/ a b) c)"),
        ("(a + b) * c", "(* (paren (+ a b)) c)"),
        ("-x**2", "(- (** x 2))"),
        ("a ** b ** c", "(** a (** b c))"),
        ("2 ** -x", "(** 2 (- x))"),
        ("a ** 2 * 3", "(* (** a 2) 3)"),
        ("a == b < c", "(== a (< b c))"),
        ("a & b == c", "(== (& a b) c)"),
        ("a | b ^ c & d", "(| a (^ b (& c d)))"),
        ("a << 1 + 2", "(<< a (+ 1 2))"),
        ("a < b | c", "(< a (| b c))"),
        ("a || b && c", "(|| a (&& b c))"),
        ("!a && ~b != c", "(&& (! a) (!= (~ b) c))"),
        ("x++ + ++y", "(+ (x ++) (++ y))"),
        ("--x - y--", "(- (-- x) (y --))"),
        ("c ? a : b", "(? c a b)"),
        ("c ? a : d ? e : f", "(? c a (? d e f))"),
        ("c || d ? a + 1 : b", "(? (|| c d) (+ a 1) b)"),
        ("x = c ? a : b", "(= x (? c a b))"),
        ("x = y = z", "(= x (= y z))"),
        ("x += y -= 2", "(+= x (-= y 2))"),
        ("x <<= 1", "(<<= x 1)"),
        ("x >>= a % 2", "(>>= x (% a 2))"),
        ("m[a][b] |= 1", "(|= m[a][b] 1)"),
        ("a.b[c](d).e", "(call a.b[c] d).e"),
        ("uint8(x) + type(uint256).max", "(+ (call uint8 x) type(uint256).max)"),
        ("payable(msg.sender).transfer(1)", "(call (call address payable msg.sender).transfer 1)"),
        ("to.call{value: v}(\"\")", "(call to.call{value: v} \"\")"),
        ("address(this).balance", "(call address this).balance"),
        ("I(a).f(1, 2)", "(call (call I a).f 1 2)"),
        ("\"ab\" \"cd\"", "\"abcd\""),
    ])
    func precedenceAndGrouping(source: String, expected: String) {
        let (expr, parsed) = codeExpression(source)
        #expect(parsed.messages == [])
        #expect(sexpr(expr) == expected)
    }

    @Test(arguments: [
        ("a ==> b ==> c", "(==> a (==> b c))"),
        ("a || b ==> c && d", "(==> (|| a b) (&& c d))"),
        ("c ? a : b ==> d", "(==> (? c a b) d)"),
        ("forall uint x: x > 0 && x < 10", "(forall uint256 x (&& (> x 0) (< x 10)))"),
        ("a && forall address u: m[u] >= 0 ==> b", "(&& a (forall address u (==> (>= m[u] 0) b)))"),
        ("exists S s: s.ok", "(exists S s s.ok)"),
        ("balance >= sum(balances)", "(>= balance (call sum balances))"),
        ("old(x) + 1 == result", "(== (+ (call old x) 1) result)"),
        ("forall(x)", "(call forall x)"),
    ])
    func propertyExpressions(source: String, expected: String) {
        let (expr, parsed) = propertyExpression(source)
        #expect(parsed.messages == [])
        #expect(sexpr(expr) == expected)
    }

    @Test func implicationInCodeIsReported() {
        let (expr, parsed) = codeExpression("x = a ==> b")
        #expect(
            parsed.messages == [
                "1:42 parse.implication-outside-property: '==>' is only allowed in property expressions"
            ])
        #expect(sexpr(expr) == "(==> (= x a) b)")
    }

    @Test func addressPayableIsNotACallee() {
        let (_, parsed) = codeExpression("x = address payable(y)")
        #expect(parsed.errorIDs == ["parse.address-payable-conversion"])
    }

    @Test func rangesAreExact() throws {
        let source = "contract C { function f() public { x = a + b * (c - 1) ** 2; } }"
        let parsed = parse(source)
        let file = parsed.sources.files[0]
        let statement = try #require(firstFunctionBody(parsed).first)
        #expect(file.text(of: statement.range) == "x = a + b * (c - 1) ** 2;")
        guard case .expression(let assignment) = statement.kind,
            case .assignment(_, let lhs, let rhs) = assignment.kind,
            case .binary(.add, _, let product) = rhs.kind,
            case .binary(.multiply, _, let power) = product.kind,
            case .binary(.power, let group, _) = power.kind
        else {
            Issue.record("unexpected shape: \(statement.kind)")
            return
        }
        #expect(file.text(of: assignment.range) == "x = a + b * (c - 1) ** 2")
        #expect(file.text(of: lhs.range) == "x")
        #expect(file.text(of: rhs.range) == "a + b * (c - 1) ** 2")
        #expect(file.text(of: product.range) == "b * (c - 1) ** 2")
        #expect(file.text(of: group.range) == "(c - 1)")
        let function = try #require(parsed.contracts.first?.members.first)
        guard case .function(let f) = function else { return }
        #expect(file.text(of: f.range) == "function f() public { x = a + b * (c - 1) ** 2; }")
        #expect(file.text(of: parsed.contracts[0].range) == source)
    }

    @Test func everyRangeIsTrimmedAndNestedInItsParent() {
        let source = """
            contract C {
                mapping(address => mapping(uint => bool)) public seen;
                function f(uint a, address payable to) public returns (uint r) {
                    seen[msg.sender][a] = !seen[msg.sender][a] || a > 2 ** 8;
                    r = a > 0 ? uint(uint8(a)) : type(uint8).max;
                    (bool ok, ) = to.call{value: 1 ether}("");
                    require(ok, "x");
                    for (uint i = 0; i < a; i++) { r += i * (a - i); }
                    return -(-int(r)) > 0 ? r++ : --r;
                }
            }
            """
        let parsed = parse(source)
        #expect(parsed.messages == [])
        let file = parsed.sources.files[0]
        var count = 0
        func check(_ e: Expr, within parent: SourceRange?) {
            count += 1
            let text = file.text(of: e.range)
            #expect(!text.isEmpty && text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text)")
            if let parent { #expect(parent.start <= e.range.start && e.range.end <= parent.end, "\(text)") }
            for child in children(e) { check(child, within: e.range) }
        }
        for statement in firstFunctionBody(parsed) {
            for e in expressions(statement) { check(e, within: statement.range) }
        }
        #expect(count > 60)
    }
}

/// The direct subexpressions of an expression.
func children(_ e: Expr) -> [Expr] {
    switch e.kind {
    case .number, .bool, .string, .identifier, .elementaryType, .typeQuery, .newContract, .newArray, .arrayType: []
    case .member(let base, _): [base]
    case .index(let base, let index): [base, index]
    case .slice(let base, let start, let end): [base] + [start, end].compactMap { $0 }
    case .call(let callee, let arguments), .namedCall(let callee, _, let arguments): [callee] + arguments
    case .callOptions(let callee, let options, let arguments): [callee] + options.map(\.value) + arguments
    case .unary(_, let x), .incrementDecrement(_, _, let x), .parenthesized(let x): [x]
    case .binary(_, let a, let b), .assignment(_, let a, let b): [a, b]
    case .conditional(let a, let b, let c): [a, b, c]
    case .quantifier(_, _, let body): [body]
    case .tuple(let components): components.compactMap { $0 }
    case .arrayLiteral(let elements): elements
    }
}

/// The expressions directly inside a statement (nested statements are searched too).
func expressions(_ s: Stmt) -> [Expr] {
    switch s.kind {
    case .variable(_, let initializer): initializer.map { [$0] } ?? []
    case .tupleVariable(_, let initializer): [initializer]
    case .expression(let e), .delete(let e): [e]
    case .block(let b), .unchecked(let b): b.statements.flatMap(expressions)
    case .ifStmt(let c, let t, let f): [c] + expressions(t) + (f.map(expressions) ?? [])
    case .forStmt(let i, let c, let u, let body):
        (i.map(expressions) ?? []) + [c, u].compactMap { $0 } + expressions(body)
    case .whileStmt(let c, let body): [c] + expressions(body)
    case .returnStmt(let e): e.map { [$0] } ?? []
    case .emit(_, let arguments), .revertError(_, let arguments): arguments
    case .breakStmt, .continueStmt, .placeholder, .ruleCall, .assembly: []
    case .tryStmt(let t):
        [t.call] + t.body.statements.flatMap(expressions)
            + t.catches.flatMap { $0.body.statements.flatMap(expressions) }
    }
}

@Suite struct TupleExpressionTests {
    @Test func aTupleKeepsItsComponentsAndGaps() {
        let (e, parsed) = codeExpression("(a, , b) = g()")
        #expect(parsed.diagnostics.isEmpty)
        #expect(sexpr(e) == "(= (tuple a <none> b) (call g))")
    }

    @Test func anArrayLiteralKeepsItsElementsInOrder() {
        let (e, parsed) = codeExpression("x = [uint256(1), y + 2, z[0]]")
        #expect(parsed.diagnostics.isEmpty)
        #expect(sexpr(e) == "(= x (array (call uint256 1) (+ y 2) z[0]))")
    }
}

@Suite struct ArrayTypeTests {
    @Test func arrayTypesNestWithTheirLengths() {
        let parsed = parse("contract C { uint256[2][] a; address[] b; }")
        #expect(parsed.diagnostics.isEmpty)
        let types = parsed.contracts.first?.members.compactMap { m -> String? in
            if case .stateVariable(let v) = m { return typeText(v.type) } else { return nil }
        }
        #expect(types == ["uint256[2][]", "address[]"])
    }
}
