import VigilBasics

// Expressions, with Solidity's precedence (lowest first): `==>` (properties only, right-associative),
// assignment and `?:` (right-associative), `||`, `&&`, `== !=`, `< > <= >=`, `|`, `^`, `&`, `<< >>`,
// `+ -`, `* / %`, prefix `! ~ - ++ --`, `**` (right-associative; `-x**2` is `-(x**2)`), then
// postfix `++ --`, member access, index, call and call options. Binary operators are parsed with an
// operator stack, so only parentheses, prefix operators and right-associative operators recurse; each
// of those counts one level of nesting, and so does each link of a binary or postfix chain, because
// it deepens the tree that later stages walk recursively.

extension SyntaxParser {
    /// A full expression (in a property, with `==>`).
    mutating func parseExpression() throws(ParseFailure) -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        let lhs = try parseAssignmentOrConditional()
        guard let arrow = consume(.implies) else { return lhs }
        if !inProperty { report(SyntaxDiagnostics.implicationOutsideProperty(at: range(arrow))) }
        let rhs = try parseExpression()
        return makeExpr(.binary(.implies, lhs, rhs), range(from: lhs.range.start))
    }

    /// `a = b`, `a += b`, `c ? a : b` (both right-associative), or a binary expression.
    private mutating func parseAssignmentOrConditional() throws(ParseFailure) -> Expr {
        let lhs = try parseBinary()
        if let assignment = SyntaxParser.assignmentOperator(current.kind) {
            advance()
            let rhs = try parseNestedAssignmentOrConditional()
            return makeExpr(.assignment(assignment, lhs: lhs, rhs: rhs), range(from: lhs.range.start))
        }
        guard consume(.question) != nil else { return lhs }
        let thenValue = try parseNestedAssignmentOrConditional()
        try expect(.colon, "':' in the conditional expression")
        let elseValue = try parseNestedAssignmentOrConditional()
        return makeExpr(.conditional(lhs, thenValue, elseValue), range(from: lhs.range.start))
    }

    private mutating func parseNestedAssignmentOrConditional() throws(ParseFailure) -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        return try parseAssignmentOrConditional()
    }

    /// Left-associative binary operators from `||` to `* / %`, by precedence climbing over a stack.
    private mutating func parseBinary() throws(ParseFailure) -> Expr {
        let first = try parseUnary()
        guard SyntaxParser.binaryOperator(current.kind) != nil else { return first }
        var operands = [first]
        var operators: [(op: BinaryOperator, precedence: Int)] = []
        var length = 0
        while let (op, precedence) = SyntaxParser.binaryOperator(current.kind) {
            length += 1
            try checkChain(length: length)
            while let top = operators.last, top.precedence >= precedence {
                operators.removeLast()
                reduce(&operands, top.op)
            }
            advance()
            operators.append((op, precedence))
            operands.append(try parseUnary())
        }
        while let top = operators.popLast() { reduce(&operands, top.op) }
        return operands[0]
    }

    private mutating func reduce(_ operands: inout [Expr], _ op: BinaryOperator) {
        let rhs = operands.removeLast()
        let lhs = operands.removeLast()
        operands.append(makeExpr(.binary(op, lhs, rhs), range(lhs.range.start, rhs.range.end)))
    }

    /// Prefix `!`, `~`, `-`, `++`, `--` (`delete` is a statement).
    private mutating func parseUnary() throws(ParseFailure) -> Expr {
        let op = current
        switch op.kind {
        case .bang, .tilde, .minus:
            advance()
            let operand = try parseNestedUnary()
            let unary: UnaryOperator = op.kind == .bang ? .not : op.kind == .tilde ? .bitNot : .negate
            return makeExpr(.unary(unary, operand), range(from: op.start))
        case .plusPlus, .minusMinus:
            advance()
            let operand = try parseNestedUnary()
            let kind = Expr.Kind.incrementDecrement(isIncrement: op.kind == .plusPlus, isPrefix: true, operand)
            return makeExpr(kind, range(from: op.start))
        case .keyword(.delete):
            reportNotSupported(.deleteInExpression, at: range(op))
            throw ParseFailure()
        default:
            return try parsePower()
        }
    }

    private mutating func parseNestedUnary() throws(ParseFailure) -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        return try parseUnary()
    }

    /// `base ** exponent`, right-associative; the exponent may carry a prefix operator (`2 ** -x`).
    private mutating func parsePower() throws(ParseFailure) -> Expr {
        let base = try parsePostfix()
        guard consume(.starStar) != nil else { return base }
        let exponent = try parseNestedUnary()
        return makeExpr(.binary(.power, base, exponent), range(from: base.range.start))
    }

    /// A primary followed by any number of `.name`, `[index]`, `(args)`, `{options}(args)`, `++`, `--`.
    private mutating func parsePostfix() throws(ParseFailure) -> Expr {
        var expr = try parsePrimary()
        var length = 0
        while true {
            let start = expr.range.start
            if SyntaxParser.continuesPostfix(current.kind) {
                length += 1
                try checkChain(length: length)
            }
            switch current.kind {
            case .period:
                advance()
                let name = try expectIdentifier("member name after '.'")
                if name.name == "value" || name.name == "gas", case .member(_, let called) = expr.kind,
                    ["call", "send", "transfer", "delegatecall"].contains(called.name)
                {
                    throw abandonAsOldSolidity("'.\(called.name).\(name.name)(...)'", at: name.range)
                }
                expr = makeExpr(.member(base: expr, name: name), range(from: start))
            case .leftBracket:
                advance()
                if at(.rightBracket), let element = Self.typeName(of: expr) {
                    // `T[]` as a type (`abi.decode(data, (uint256[], bytes))`).
                    advance()
                    let type = TypeName.array(element: element, length: nil, range: range(from: start))
                    expr = makeExpr(.arrayType(type), range(from: start))
                    continue
                }
                if at(.rightBracket) {
                    reportNotSupported(.arrays, at: range(current))
                    throw ParseFailure()
                }
                let index = at(.colon) ? nil : try parseExpression()
                if consume(.colon) != nil {
                    // `b[start:end]`, `b[:end]`, `b[start:]`
                    let end = at(.rightBracket) ? nil : try parseExpression()
                    try expect(.rightBracket, "']' after the slice")
                    expr = makeExpr(.slice(base: expr, start: index, end: end), range(from: start))
                    continue
                }
                guard let index else { throw failure(expected: "index") }
                try expect(.rightBracket, "']' after the index")
                expr = makeExpr(.index(base: expr, index: index), range(from: start))
            case .leftParen where peek(1).kind == .leftBrace:
                let (names, arguments) = try parseNamedArguments()
                expr = makeExpr(.namedCall(callee: expr, names: names, arguments: arguments), range(from: start))
            case .leftParen:
                let arguments = try parseArguments()
                expr = makeExpr(.call(callee: expr, arguments: arguments), range(from: start))
            case .leftBrace where startsCallOptions():
                expr = try parseCallOptions(callee: expr)
            case .plusPlus, .minusMinus:
                let isIncrement = advance().kind == .plusPlus
                expr = makeExpr(
                    .incrementDecrement(isIncrement: isIncrement, isPrefix: false, expr), range(from: start))
            default:
                return expr
            }
        }
    }

    private static func continuesPostfix(_ kind: TokenKind) -> Bool {
        switch kind {
        case .period, .leftBracket, .leftParen, .leftBrace, .plusPlus, .minusMinus: true
        default: false
        }
    }

    /// `{` followed by `name :`: call options rather than a block (so `ensures e {` ends at the body).
    func startsCallOptions() -> Bool {
        at(.leftBrace) && peek(1).kind == .identifier && peek(2).kind == .colon
    }

    /// `callee{name: value, ...}(args)`
    private mutating func parseCallOptions(callee: Expr) throws(ParseFailure) -> Expr {
        advance()
        var options: [(name: Identifier, value: Expr)] = []
        repeat {
            if at(.rightBrace) { break }
            let name = try expectIdentifier("call option name")
            try expect(.colon, "':' after the call option name")
            options.append((name, try parseExpression()))
        } while consume(.comma) != nil
        try expect(.rightBrace, "'}' after the call options")
        guard at(.leftParen) else { throw failure(expected: "'(' after the call options") }
        let arguments = try parseArguments()
        return makeExpr(
            .callOptions(callee: callee, options: options, arguments: arguments), range(from: callee.range.start))
    }

    /// `({name: e, ...})`: the arguments of a call by the names of the parameters.
    private mutating func parseNamedArguments() throws(ParseFailure) -> ([Identifier], [Expr]) {
        advance()
        advance()
        var names: [Identifier] = []
        var arguments: [Expr] = []
        while !at(.rightBrace) {
            names.append(try expectIdentifier("a parameter name"))
            try expect(.colon, "':' after the parameter name")
            arguments.append(try parseExpression())
            if consume(.comma) == nil { break }
        }
        try expect(.rightBrace, "'}' after the named arguments")
        try expect(.rightParen, "')' after the named arguments")
        return (names, arguments)
    }

    /// `( [e {, e}] )`; named arguments (`f({a: 1})`) outside a call expression (in `emit`,
    /// `revert`, a modifier or a base) are reported and skipped.
    mutating func parseArguments() throws(ParseFailure) -> [Expr] {
        try expect(.leftParen, "'('")
        if at(.leftBrace) {
            reportNotSupported(.namedArguments, at: range(current))
            skipBalanced(.leftBrace, .rightBrace)
            try expect(.rightParen, "')' after the named arguments")
            return []
        }
        if consume(.rightParen) != nil { return [] }
        var arguments: [Expr] = []
        repeat {
            arguments.append(try parseExpression())
        } while consume(.comma) != nil
        try expect(.rightParen, "',' or ')' after the arguments")
        return arguments
    }

    // MARK: - Primaries

    private mutating func parsePrimary() throws(ParseFailure) -> Expr {
        let token = current
        switch token.kind {
        case .numberLiteral:
            advance()
            return makeExpr(.number(numbers[token.payload]), range(token))
        case .stringLiteral, .hexString:
            return parseStringLiterals()
        case .keyword(.true), .keyword(.false):
            advance()
            return makeExpr(.bool(token.kind == .keyword(.true)), range(token))
        case .identifier:
            if inProperty && (atWord("forall") || atWord("exists")) && looksLikeVariableDeclaration(at: index + 1) {
                return try parseQuantifier()
            }
            advance()
            return makeExpr(.identifier(text(token)), range(token))
        case .leftParen:
            return try parseParenthesized()
        case .keyword(.type):
            return try parseTypeQuery()
        case .integerType, .fixedBytesType, .keyword(.bool), .keyword(.string), .keyword(.bytes), .keyword(.address),
            .keyword(.payable):
            return try parseElementaryTypeExpression()
        case .fixedPointType:
            reportNotSupported(.fixedPoint, at: range(token))
            throw ParseFailure()
        case .keyword(.new):
            // `new C(...)` creates a contract; `new T[](n)`, `new bytes(n)` and `new string(n)`
            // make arrays in memory.
            advance()
            let type = try parseType(what: "contract or array type after 'new'")
            if case .named(let name) = type { return makeExpr(.newContract(name), range(from: token.start)) }
            return makeExpr(.newArray(type), range(from: token.start))
        case .leftBracket:
            // `[a, b, c]`: an array literal.
            advance()
            if at(.rightBracket) { throw failure(expected: "an element of the array literal") }
            var elements: [Expr] = []
            repeat {
                elements.append(try parseExpression())
            } while consume(.comma) != nil
            try expect(.rightBracket, "',' or ']' after the elements of the array literal")
            return makeExpr(.arrayLiteral(elements), range(from: token.start))
        default:
            throw failure(expected: "expression")
        }
    }

    /// Adjacent string literals are one string, as in Solidity (`"a" "b"`, `hex"00" hex"ff"`).
    private mutating func parseStringLiterals() -> Expr {
        let first = advance()
        var bytes = literalBytes[first.payload]
        while at(.stringLiteral) || at(.hexString) { bytes += literalBytes[advance().payload] }
        return makeExpr(.string(bytes), range(from: first.start))
    }

    /// `(e)`, or a tuple `(a, b)` (components may be left out: `(, b)`).
    private mutating func parseParenthesized() throws(ParseFailure) -> Expr {
        let open = advance()
        var components: [Expr?] = []
        repeat {
            components.append(at(.comma) || at(.rightParen) ? nil : try parseExpression())
        } while consume(.comma) != nil
        try expect(.rightParen, "')'")
        if components.count == 1, let inner = components[0] {
            return makeExpr(.parenthesized(inner), range(from: open.start))
        }
        return makeExpr(.tuple(components), range(from: open.start))
    }

    /// An elementary type as the callee of a conversion: `uint8(x)`, `address(x)`, `payable(x)`.
    private mutating func parseElementaryTypeExpression() throws(ParseFailure) -> Expr {
        let token = advance()
        let type: ElementaryType
        switch token.kind {
        case .integerType(let signed, let bits): type = signed ? .int(bits) : .uint(bits)
        case .fixedBytesType(let size): type = .fixedBytes(size)
        case .keyword(.bool): type = .bool
        case .keyword(.string): type = .string
        case .keyword(.bytes): type = .bytes
        case .keyword(.payable):
            guard at(.leftParen) else { throw failure(expected: "'(' after 'payable'") }
            type = .addressPayable
        default:
            if at(.payable) {
                throw failure(SyntaxDiagnostics.addressPayableConversion(at: range(token.start, current.end)))
            }
            type = .address
        }
        return makeExpr(.elementaryType(type), range(token))
    }

    /// `type(T).max`, `type(T).min` (any member name; semantic analysis checks it).
    private mutating func parseTypeQuery() throws(ParseFailure) -> Expr {
        let keyword = advance()
        try expect(.leftParen, "'(' after 'type'")
        let type = try parseType()
        try expect(.rightParen, "')' after the type")
        try expect(.period, "'.' after 'type(...)'")
        let member = try expectIdentifier("'max' or 'min' after 'type(...).'")
        return makeExpr(.typeQuery(type: type, member: member), range(from: keyword.start))
    }

    /// `forall T x: e` / `exists T x: e`; the body extends as far right as possible.
    private mutating func parseQuantifier() throws(ParseFailure) -> Expr {
        let keyword = advance()
        let quantifier: QuantifierKind = isWord(keyword, "forall") ? .forall : .exists
        let variableStart = current.start
        let type = try parseType()
        let name = try expectIdentifier("variable name after the type")
        let variable = VariableDecl(
            id: ids.make(), type: type, location: nil, name: name, range: range(from: variableStart))
        try expect(.colon, "':' after the quantified variable")
        let body = try parseExpression()
        return makeExpr(.quantifier(quantifier, variable: variable, body: body), range(from: keyword.start))
    }

    /// The type an expression names when `[]` follows it: an elementary type, a (qualified)
    /// name, or an array type already; nil for any other expression.
    static func typeName(of e: Expr) -> TypeName? {
        switch e.kind {
        case .elementaryType(let t): return .elementary(t, e.range)
        case .identifier(let name): return .named(Identifier(name, e.range))
        case .member(let base, let name):
            guard case .named(let owner)? = typeName(of: base) else { return nil }
            return .named(Identifier(owner.name + "." + name.name, e.range))
        case .arrayType(let t): return t
        default: return nil
        }
    }

    // MARK: - Operator tables

    /// The left-associative binary operators and their precedence (higher binds tighter).
    static func binaryOperator(_ kind: TokenKind) -> (BinaryOperator, Int)? {
        switch kind {
        case .pipePipe: (.or, 1)
        case .ampersandAmpersand: (.and, 2)
        case .equalEqual: (.equal, 3)
        case .bangEqual: (.notEqual, 3)
        case .less: (.less, 4)
        case .lessEqual: (.lessEqual, 4)
        case .greater: (.greater, 4)
        case .greaterEqual: (.greaterEqual, 4)
        case .pipe: (.bitOr, 5)
        case .caret: (.bitXor, 6)
        case .ampersand: (.bitAnd, 7)
        case .shiftLeft: (.shiftLeft, 8)
        case .shiftRight: (.shiftRight, 8)
        case .plus: (.add, 9)
        case .minus: (.subtract, 9)
        case .star: (.multiply, 10)
        case .slash: (.divide, 10)
        case .percent: (.modulo, 10)
        default: nil
        }
    }

    static func assignmentOperator(_ kind: TokenKind) -> AssignmentOperator? {
        switch kind {
        case .assign: AssignmentOperator(nil)
        case .plusAssign: AssignmentOperator(.add)
        case .minusAssign: AssignmentOperator(.subtract)
        case .starAssign: AssignmentOperator(.multiply)
        case .slashAssign: AssignmentOperator(.divide)
        case .percentAssign: AssignmentOperator(.modulo)
        case .pipeAssign: AssignmentOperator(.bitOr)
        case .ampersandAssign: AssignmentOperator(.bitAnd)
        case .caretAssign: AssignmentOperator(.bitXor)
        case .shiftLeftAssign: AssignmentOperator(.shiftLeft)
        case .shiftRightAssign: AssignmentOperator(.shiftRight)
        default: nil
        }
    }
}
