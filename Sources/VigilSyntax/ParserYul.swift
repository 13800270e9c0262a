import VigilBasics

// Inline assembly: Yul's grammar, over the Solidity lexer's tokens (`:=` is `:` then `=`,
// `->` is `-` then `>`, `x.slot` is three tokens; Yul names may be Solidity keywords, such as
// `return` or `byte`).

extension SyntaxParser {
    /// `assembly ["evmasm"] [("memory-safe", ...)] { ... }`. A Yul error is reported and the rest
    /// of the block skipped.
    mutating func parseAssembly() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        _ = consume(.stringLiteral)
        var flags: [String] = []
        if consume(.leftParen) != nil {
            while let flag = consume(.stringLiteral) {
                flags.append(strings[flag.payload])
                if consume(.comma) == nil { break }
            }
            try expect(.rightParen, "')' after the flags of 'assembly'")
        }
        guard at(.leftBrace) else { throw failure(expected: "'{' to start the assembly block") }
        let open = index
        do {
            let body = try parseYulBlock()
            return makeStmt(.assembly(InlineAssembly(flags: flags, body: body)), from: keyword.start)
        } catch {
            index = open
            skipBalanced(.leftBrace, .rightBrace)
            return makeStmt(.block(Block(statements: [], range: range(from: keyword.start))), from: keyword.start)
        }
    }

    private mutating func parseYulBlock() throws(ParseFailure) -> YulBlock {
        try enterNesting()
        defer { leaveNesting() }
        let open = try expect(.leftBrace, "'{'")
        var statements: [YulStatement] = []
        while !at(.rightBrace) {
            guard !at(.endOfFile) else { throw failure(expected: "'}' to close the assembly block") }
            statements.append(try parseYulStatement())
        }
        advance()
        return YulBlock(statements: statements, range: range(from: open.start))
    }

    private mutating func parseYulStatement() throws(ParseFailure) -> YulStatement {
        let start = current.start
        switch current.kind {
        case .leftBrace:
            return .block(try parseYulBlock())
        case .keyword(.`let`):
            advance()
            var names = [try yulName("a variable name after 'let'")]
            while consume(.comma) != nil { names.append(try yulName("a variable name")) }
            var value: YulExpression?
            if at(.colon) {
                try expectYulAssign()
                value = try parseYulExpression()
            }
            return .variables(names, value: value, range: range(from: start))
        case .keyword(.function):
            advance()
            let name = try yulName("a function name")
            try expect(.leftParen, "'(' after the function name")
            let parameters = try yulNames(until: .rightParen)
            try expect(.rightParen, "')' after the parameters")
            var returns: [Identifier] = []
            if at(.minus) {
                advance()
                try expect(.greater, "'->' before the return variables")
                returns = [try yulName("a return variable")]
                while consume(.comma) != nil { returns.append(try yulName("a return variable")) }
            }
            return .function(name: name, parameters: parameters, returns: returns, body: try parseYulBlock())
        case .keyword(.`if`):
            advance()
            let condition = try parseYulExpression()
            return .ifStmt(condition: condition, body: try parseYulBlock())
        case .keyword(.`switch`):
            advance()
            let value = try parseYulExpression()
            var cases: [YulCase] = []
            while at(.`case`) || at(.`default`) {
                if consume(.`default`) != nil {
                    cases.append(YulCase(value: nil, body: try parseYulBlock()))
                } else {
                    advance()
                    let literal = try parseYulExpression()
                    cases.append(YulCase(value: literal, body: try parseYulBlock()))
                }
            }
            if cases.isEmpty { throw failure(expected: "'case' or 'default' after 'switch'") }
            return .switchStmt(value, cases: cases, range: range(from: start))
        case .keyword(.`for`):
            advance()
            let initializer = try parseYulBlock()
            let condition = try parseYulExpression()
            let post = try parseYulBlock()
            return .forLoop(initializer: initializer, condition: condition, post: post, body: try parseYulBlock())
        case .keyword(.`break`):
            return .breakStmt(range(advance()))
        case .keyword(.`continue`):
            return .continueStmt(range(advance()))
        default:
            if atWord("leave") { return .leave(range(advance())) }
            // An assignment `a, b.slot := value`, or an expression (a call).
            if isYulName(current),
                peek().kind == .comma || peek().kind == .colon
                    || (peek().kind == .period && peek(3).kind == .colon)
            {
                var targets = [try yulPath()]
                while consume(.comma) != nil { targets.append(try yulPath()) }
                try expectYulAssign()
                let value = try parseYulExpression()
                return .assignment(targets, value: value, range: range(from: start))
            }
            return .expression(try parseYulExpression())
        }
    }

    private mutating func parseYulExpression() throws(ParseFailure) -> YulExpression {
        try enterNesting()
        defer { leaveNesting() }
        let token = current
        switch token.kind {
        case .numberLiteral, .stringLiteral, .hexString, .keyword(.`true`), .keyword(.`false`):
            advance()
            return .literal(text(token), range(token))
        default:
            break
        }
        guard isYulName(token) else { throw failure(expected: "a Yul expression") }
        if peek().kind == .leftParen {
            let name = identifier(advance())
            advance()
            var arguments: [YulExpression] = []
            while !at(.rightParen) {
                arguments.append(try parseYulExpression())
                if consume(.comma) == nil { break }
            }
            try expect(.rightParen, "')' after the arguments")
            return .call(name, arguments: arguments, range: range(from: token.start))
        }
        return .path(try yulPath())
    }

    /// `:=`, written as `:` then `=`.
    private mutating func expectYulAssign() throws(ParseFailure) {
        guard at(.colon), peek().kind == .assign else { throw failure(expected: "':='") }
        advance()
        advance()
    }

    /// A Yul name: an identifier, or a word that is a keyword in Solidity (`return`, `byte`).
    private func isYulName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier: true
        case .keyword(let k): k != .`true` && k != .`false`
        default: false
        }
    }

    private mutating func yulName(_ what: String) throws(ParseFailure) -> Identifier {
        guard isYulName(current) else { throw failure(expected: what) }
        return identifier(advance())
    }

    private mutating func yulNames(until end: TokenKind) throws(ParseFailure) -> [Identifier] {
        var names: [Identifier] = []
        while !at(end) {
            names.append(try yulName("a parameter name"))
            if consume(.comma) == nil { break }
        }
        return names
    }

    /// `x` or `x.slot`.
    private mutating func yulPath() throws(ParseFailure) -> YulPath {
        let name = try yulName("a Yul name")
        guard consume(.period) != nil else { return YulPath(name: name, suffix: nil) }
        return YulPath(name: name, suffix: try yulName("a member after '.'"))
    }
}
