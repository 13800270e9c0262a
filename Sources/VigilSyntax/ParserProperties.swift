import VigilBasics

// Property declarations (`invariant`, `rule`, `ensures`, `trusted`), spec blocks and rule calls.
// The property words are identifiers; the parser recognises them by position.

extension SyntaxParser {
    /// `spec Contract { property* }` or `spec "path:Contract" { property* }` (the contract of that
    /// name in the file whose path ends with `path`).
    mutating func parseSpec() throws(ParseFailure) -> SpecDecl {
        let start = advance().start
        let contract: Identifier
        if at(.stringLiteral) {
            let quoted = advance()
            contract = Identifier(strings[quoted.payload], range(quoted))
        } else {
            contract = try expectIdentifier("contract name after 'spec'")
        }
        let open = try expect(.leftBrace, "'{' to start the spec body")
        var properties: [PropertyDecl] = []
        while !bodyEnds(opening: open, atDeclaration: startsTopLevelDeclaration()) {
            let before = index
            do {
                guard atWord("invariant") || atWord("rule") || atWord("ensures") || atWord("trusted") else {
                    throw failure(expected: "'invariant', 'rule', 'ensures' or 'trusted'")
                }
                properties.append(try parseProperty())
            } catch {
                skip(from: before, level: .specMember)
            }
            if index == before && !at(.rightBrace) && !at(.endOfFile) { advance() }
        }
        return SpecDecl(contract: contract, properties: properties, range: range(from: start))
    }

    /// One property declaration, at its keyword.
    mutating func parseProperty() throws(ParseFailure) -> PropertyDecl {
        let start = current.start
        let saved = (inProperty, inRule)
        defer { (inProperty, inRule) = saved }
        inProperty = true
        if atWord("invariant") || atWord("ensures") {
            let isInvariant = atWord("invariant")
            advance()
            let name = try expectIdentifier(isInvariant ? "invariant name" : "function name after 'ensures'")
            try expect(.colon, "':' after \(isInvariant ? "the invariant name" : "the function name")")
            let expression = try parseExpression()
            try expectSemicolon(after: isInvariant ? "the invariant" : "the ensures clause")
            if isInvariant { return .invariant(name: name, expression: expression, range: range(from: start)) }
            return .ensures(function: name, expression: expression, range: range(from: start))
        }
        if atWord("trusted") {
            advance()
            let expression = try parseExpression()
            try expectSemicolon(after: "'trusted' address")
            return .trusted(expression: expression, range: range(from: start))
        }
        advance()  // `rule`
        let name = try expectIdentifier("rule name")
        let parameters = try parseParameterList()
        inRule = true
        let body = try parseBlock("'{' to start the rule body")
        return .rule(
            RuleDecl(id: ids.make(), name: name, parameters: parameters, body: body, range: range(from: start)))
    }

    /// A property expression: `==>`, `forall` and `exists` are allowed in it.
    mutating func parsePropertyExpression() throws(ParseFailure) -> Expr {
        let saved = inProperty
        defer { inProperty = saved }
        inProperty = true
        return try parseExpression()
    }

    /// Whether a rule call (`call f(...)`, `call any`, `try call ...`) starts here; only inside rules.
    func startsRuleCall() -> Bool {
        guard inRule else { return false }
        if at(.try) { return isWord(peek(1), "call") && peek(2).kind == .identifier }
        return atWord("call") && peek(1).kind == .identifier
    }

    /// `[try] call (f(args) | any) [from e] [value e];`
    mutating func parseRuleCall() throws(ParseFailure) -> Stmt {
        let start = current.start
        let isTry = consume(.try) != nil
        advance()  // `call`
        let target: RuleCallTarget
        if atWord("any") && peek(1).kind != .leftParen {
            target = .any(range(advance()))
        } else {
            let name = try expectIdentifier("function name after 'call'")
            target = .function(name, arguments: try parseArguments())
        }
        var sender: Expr?
        var value: Expr?
        while true {
            if atWord("from") && sender == nil {
                advance()
                sender = try parseExpression()
            } else if atWord("value") && value == nil {
                advance()
                value = try parseExpression()
            } else {
                break
            }
        }
        let callRange = range(from: start)
        try expectSemicolon(after: "the call")
        let call = RuleCall(isTry: isTry, target: target, sender: sender, value: value, range: callRange)
        return makeStmt(.ruleCall(call), from: start)
    }
}
