import VigilBasics

// Blocks and statements. A statement that fails to parse is skipped up to its `;` (or the `}` of
// its block) and the block goes on with the next one.

extension SyntaxParser {
    /// `{ statement* }`; `what` names the `{` in the message when it is missing.
    mutating func parseBlock(_ what: String = "'{'") throws(ParseFailure) -> Block {
        try enterNesting()
        defer { leaveNesting() }
        let open = try expect(.leftBrace, what)
        var statements: [Stmt] = []
        while !bodyEnds(opening: open, atDeclaration: startsDeclarationInBlock()) {
            let before = index
            do {
                statements.append(try parseStatement())
            } catch {
                skip(from: before, level: .statement)
            }
            if index == before && !at(.rightBrace) && !at(.endOfFile) && !startsDeclarationInBlock() { advance() }
        }
        return Block(statements: statements, range: range(from: open.start))
    }

    mutating func parseStatement() throws(ParseFailure) -> Stmt {
        try enterNesting()
        defer { leaveNesting() }
        let start = current.start
        switch current.kind {
        case .leftBrace:
            return makeStmt(.block(try parseBlock()), from: start)
        case .keyword(.unchecked):
            advance()
            return makeStmt(.unchecked(try parseBlock("'{' after 'unchecked'")), from: start)
        case .keyword(.if): return try parseIf()
        case .keyword(.for): return try parseFor()
        case .keyword(.while):
            advance()
            let condition = try parseCondition(after: "'while'")
            let body = try parseStatement()
            return makeStmt(.whileStmt(condition: condition, body: body), from: start)
        case .keyword(.do): return try parseDoWhile()
        case .keyword(.break), .keyword(.continue):
            let isBreak = advance().kind == .keyword(.break)
            try expectSemicolon(after: isBreak ? "'break'" : "'continue'")
            return makeStmt(isBreak ? .breakStmt : .continueStmt, from: start)
        case .keyword(.return): return try parseReturn()
        case .keyword(.delete):
            advance()
            let target = try parseExpression()
            try expectSemicolon(after: "'delete'")
            return makeStmt(.delete(target), from: start)
        case .keyword(.emit): return try parseEmit()
        case .keyword(.try):
            if startsRuleCall() { return try parseRuleCall() }
            return try parseTry()
        case .keyword(.assembly): return try parseAssembly()
        case .keyword(.throw): throw abandonAsOldSolidity("'throw'", at: range(current))
        case .keyword(.var): throw abandonAsOldSolidity("'var'", at: range(current))
        case .identifier:
            if let statement = try parseStatementStartingWithWord() { return statement }
        default:
            break
        }
        if looksLikeVariableDeclaration(at: index) { return try parseVariableStatement() }
        if at(.leftParen) && looksLikeTupleDeclaration() { return try parseTupleDeclaration() }
        let expression = try parseExpression()
        try expectSemicolon(after: "expression")
        return makeStmt(.expression(expression), from: start)
    }

    /// `_;`, `revert E(args);`, `revert;` and rule calls; nil for anything else.
    private mutating func parseStatementStartingWithWord() throws(ParseFailure) -> Stmt? {
        let start = current.start
        if atWord("_") && peek(1).kind == .semicolon {
            advance()
            advance()
            return makeStmt(.placeholder, from: start)
        }
        if atWord("revert") && peek(1).kind == .identifier
            && (peek(2).kind == .leftParen || (peek(2).kind == .period && peek(3).kind == .identifier))
        {
            advance()
            // `revert E(...)` or `revert L.E(...)`: a qualified name is kept whole, `L.E`.
            var error = identifier(advance())
            while consume(.period) != nil {
                let part = try expectIdentifier("error name after '.'")
                error = Identifier(error.name + "." + part.name, range(from: error.range.start))
            }
            let arguments = try parseArguments()
            try expectSemicolon(after: "'revert'")
            return makeStmt(.revertError(error: error, arguments: arguments), from: start)
        }
        if atWord("revert") && peek(1).kind == .semicolon {
            let keyword = advance()
            let callee = makeExpr(.identifier("revert"), range(keyword))
            let call = makeExpr(.call(callee: callee, arguments: []), range(keyword))
            advance()
            return makeStmt(.expression(call), from: start)
        }
        if startsRuleCall() { return try parseRuleCall() }
        return nil
    }

    /// `T [location] name [= e];`
    private mutating func parseVariableStatement() throws(ParseFailure) -> Stmt {
        let start = current.start
        let variable = try parseLocalVariable()
        var initializer: Expr?
        if consume(.assign) != nil { initializer = try parseExpression() }
        try expectSemicolon(after: "variable declaration")
        return makeStmt(.variable(variable, initializer: initializer), from: start)
    }

    /// Whether `(` starts a tuple declaration: its first component (after leading commas) is a declaration.
    private func looksLikeTupleDeclaration() -> Bool {
        var cursor = index + 1
        while token(at: cursor).kind == .comma { cursor += 1 }
        return looksLikeVariableDeclaration(at: cursor)
    }

    /// `(bool ok, ) = e;`, `(bool ok, bytes memory data) = e;`
    private mutating func parseTupleDeclaration() throws(ParseFailure) -> Stmt {
        let start = advance().start
        var components: [VariableDecl?] = []
        repeat {
            if at(.comma) || at(.rightParen) {
                components.append(nil)
            } else {
                components.append(try parseLocalVariable())
            }
        } while consume(.comma) != nil
        try expect(.rightParen, "',' or ')' in the tuple declaration")
        try expect(.assign, "'=' after the tuple declaration")
        let initializer = try parseExpression()
        try expectSemicolon(after: "variable declaration")
        return makeStmt(.tupleVariable(components, initializer: initializer), from: start)
    }

    /// `( expression )` after `if` or `while`.
    private mutating func parseCondition(after keyword: String) throws(ParseFailure) -> Expr {
        try expect(.leftParen, "'(' after \(keyword)")
        let condition = try parseExpression()
        try expect(.rightParen, "')' after the condition")
        return condition
    }

    private mutating func parseIf() throws(ParseFailure) -> Stmt {
        let start = advance().start
        let condition = try parseCondition(after: "'if'")
        let thenBranch = try parseStatement()
        var elseBranch: Stmt?
        if consume(.else) != nil { elseBranch = try parseStatement() }
        return makeStmt(.ifStmt(condition: condition, then: thenBranch, else: elseBranch), from: start)
    }

    /// `for ([init]; [condition]; [update]) body`; the initializer is a declaration or an expression.
    private mutating func parseFor() throws(ParseFailure) -> Stmt {
        let start = advance().start
        try expect(.leftParen, "'(' after 'for'")
        var initializer: Stmt?
        if consume(.semicolon) == nil {
            if looksLikeVariableDeclaration(at: index) {
                initializer = try parseVariableStatement()
            } else {
                let initStart = current.start
                let expression = try parseExpression()
                try expectSemicolon(after: "the loop initializer")
                initializer = makeStmt(.expression(expression), from: initStart)
            }
        }
        var condition: Expr?
        if !at(.semicolon) { condition = try parseExpression() }
        try expectSemicolon(after: "the loop condition")
        var update: Expr?
        if !at(.rightParen) { update = try parseExpression() }
        try expect(.rightParen, "')' after the loop header")
        let body = try parseStatement()
        return makeStmt(
            .forStmt(initializer: initializer, condition: condition, update: update, body: body), from: start)
    }

    /// `do body while (c);`, read as `for (bool first = true; first || c; first = false) body`:
    /// the body runs once before `c` is first evaluated, and `continue` goes to `c`, as in
    /// Solidity. (`first` has a name no code can write.)
    private mutating func parseDoWhile() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let body = try parseStatement()
        try expect(.keyword(.while), "'while' after the body of 'do'")
        let condition = try parseCondition(after: "'while'")
        try expectSemicolon(after: "'do ... while'")
        let at = range(keyword)
        let name = "do.first@\(keyword.start)"
        let first = VariableDecl(
            id: ids.make(), type: .elementary(.bool, at), location: nil, name: Identifier(name, at), range: at)
        let initializer = makeStmt(.variable(first, initializer: makeExpr(.bool(true), at)), from: keyword.start)
        let test = makeExpr(.binary(.or, makeExpr(.identifier(name), at), condition), condition.range)
        let update = makeExpr(
            .assignment(AssignmentOperator(nil), lhs: makeExpr(.identifier(name), at), rhs: makeExpr(.bool(false), at)),
            at)
        return makeStmt(
            .forStmt(initializer: initializer, condition: test, update: update, body: body), from: keyword.start)
    }

    private mutating func parseReturn() throws(ParseFailure) -> Stmt {
        let start = advance().start
        var value: Expr?
        if !at(.semicolon) {
            value = try parseExpression()
        }
        try expectSemicolon(after: "'return'")
        return makeStmt(.returnStmt(value), from: start)
    }

    /// `emit E(args);`
    private mutating func parseEmit() throws(ParseFailure) -> Stmt {
        let start = advance().start
        var event = try expectIdentifier("event name after 'emit'")
        while consume(.period) != nil {
            let part = try expectIdentifier("event name after '.'")
            event = Identifier(event.name + "." + part.name, range(from: event.range.start))
        }
        let arguments = try parseArguments()
        try expectSemicolon(after: "'emit'")
        return makeStmt(.emit(event: event, arguments: arguments), from: start)
    }

    /// `try e [returns (...)] { } catch [Error|Panic] [(...)] { } ...`
    private mutating func parseTry() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let call = try parseExpression()
        var returns: [VariableDecl] = []
        if consume(.returns) != nil { returns = try parseParameterList() }
        let body = try parseBlock("'{' to start the body of 'try'")
        var catches: [CatchClause] = []
        while at(.catch) {
            let start = advance().start
            let kind = at(.identifier) ? identifier(advance()) : nil
            let parameters = at(.leftParen) ? try parseParameterList() : []
            let clause = try parseBlock("'{' to start the 'catch' clause")
            catches.append(CatchClause(kind: kind, parameters: parameters, body: clause, range: range(from: start)))
        }
        guard !catches.isEmpty else { throw failure(expected: "'catch' after the body of 'try'") }
        return makeStmt(
            .tryStmt(TryStatement(call: call, returns: returns, body: body, catches: catches)), from: keyword.start)
    }

}
