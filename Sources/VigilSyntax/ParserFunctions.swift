import VigilBasics

// Functions, constructors, `receive`, `fallback` and modifiers.

/// The attributes after a function's parameter list.
struct FunctionHeader {
    var visibility: Visibility?
    var mutability: Mutability?
    var modifiers: [ModifierInvocation] = []
    var returns: [VariableDecl] = []
    var ensures: [EnsuresClause] = []
    var inheritance = OverrideAttributes()
}

extension SyntaxParser {
    /// `function f(params) attributes [returns (T)] [ensures e]* (block | ;)`
    mutating func parseFunction() throws(ParseFailure) -> FunctionDecl {
        let start = advance().start
        let name = try expectIdentifier("function name")
        let parameters = try parseParameterList()
        let header = try parseFunctionHeader()
        var body: Block?
        if consume(.semicolon) == nil {
            guard at(.leftBrace) else { throw failure(expected: "'{' or ';' after the function header") }
            body = try parseBlock()
        }
        return makeFunction(.function, name: name, parameters: parameters, header: header, body: body, from: start)
    }

    /// `constructor(params) [payable] [modifier invocations] block`
    mutating func parseConstructor() throws(ParseFailure) -> FunctionDecl {
        let keyword = advance()
        let parameters = try parseParameterList()
        let header = try parseFunctionHeader()
        if !header.returns.isEmpty {
            report(SyntaxDiagnostics.invalidSpecifier("returns", on: "a constructor", at: header.returns[0].range))
        }
        let body = try parseBlock("'{' to start the constructor body")
        return makeFunction(
            .constructor, name: identifier(keyword), parameters: parameters, header: header, body: body,
            from: keyword.start)
    }

    /// `receive() external payable block` and `fallback() external [payable] block`.
    mutating func parseReceiveOrFallback() throws(ParseFailure) -> FunctionDecl {
        let keyword = advance()
        let functionKind: FunctionKind = isWord(keyword, "receive") ? .receive : .fallback
        let parameters = try parseParameterList()
        let header = try parseFunctionHeader()
        // Bodyless in an interface (or an abstract contract).
        let body = consume(.semicolon) == nil ? try parseBlock("'{' to start the \(functionKind.rawValue) body") : nil
        return makeFunction(
            functionKind, name: identifier(keyword), parameters: parameters, header: header, body: body,
            from: keyword.start)
    }

    private mutating func makeFunction(
        _ functionKind: FunctionKind, name: Identifier, parameters: [VariableDecl], header: FunctionHeader,
        body: Block?, from start: Int
    ) -> FunctionDecl {
        FunctionDecl(
            id: ids.make(), kind: functionKind, name: name, parameters: parameters, visibility: header.visibility,
            mutability: header.mutability ?? .nonpayable, modifiers: header.modifiers, returns: header.returns,
            ensures: header.ensures, body: body, range: range(from: start), inheritance: header.inheritance)
    }

    /// Visibility, mutability, modifier invocations, `returns (...)` and inline `ensures` clauses, in any order.
    mutating func parseFunctionHeader() throws(ParseFailure) -> FunctionHeader {
        var header = FunctionHeader()
        while true {
            let word = current
            switch word.kind {
            case .keyword(.public), .keyword(.external), .keyword(.internal), .keyword(.private):
                if header.visibility != nil {
                    report(SyntaxDiagnostics.duplicateSpecifier("visibility", at: range(word)))
                }
                header.visibility = Visibility(rawValue: text(word))
                advance()
            case .keyword(.pure), .keyword(.view), .keyword(.payable):
                if header.mutability != nil {
                    report(SyntaxDiagnostics.duplicateSpecifier("state mutability", at: range(word)))
                }
                header.mutability = Mutability(rawValue: text(word))
                advance()
            case .keyword(.constant):
                throw abandonAsOldSolidity("a 'constant' function (now 'view')", at: range(word))
            case .keyword(.virtual), .keyword(.override):
                try parseOverrideAttribute(into: &header.inheritance)
            case .keyword(.returns):
                advance()
                let returns = try parseParameterList()
                header.returns = returns
            case .identifier:
                let next = peek(1).kind
                if atWord("ensures") && next != .leftBrace && next != .semicolon {
                    header.ensures.append(try parseEnsuresClause())
                } else {
                    header.modifiers.append(try parseModifierInvocation())
                }
            default:
                return header
            }
        }
    }

    /// `ensures e` after a function header; `e` is a property expression.
    private mutating func parseEnsuresClause() throws(ParseFailure) -> EnsuresClause {
        let keyword = advance()
        if kind == .solidity { report(SyntaxDiagnostics.propertyInSolidity(at: range(keyword))) }
        let expression = try parsePropertyExpression()
        return EnsuresClause(expression: expression, range: range(from: keyword.start))
    }

    /// `name` or `name(args)` in a function or constructor header.
    private mutating func parseModifierInvocation() throws(ParseFailure) -> ModifierInvocation {
        var name = identifier(advance())
        if at(.period) {
            reportNotSupported(.qualifiedModifiers, at: name.range)
            advance()
            name = try expectIdentifier("modifier name after '.'")
        }
        let arguments = at(.leftParen) ? try parseArguments() : []
        return ModifierInvocation(name: name, arguments: arguments, range: range(from: name.range.start))
    }

    /// `modifier name [(params)] block`
    mutating func parseModifier() throws(ParseFailure) -> ModifierDecl {
        let start = advance().start
        let name = try expectIdentifier("modifier name")
        let parameters = at(.leftParen) ? try parseParameterList() : []
        var inheritance = OverrideAttributes()
        while at(.virtual) || at(.override) { try parseOverrideAttribute(into: &inheritance) }
        let body: Block
        let isImplemented = !at(.semicolon)
        if at(.semicolon) {
            body = Block(statements: [], range: range(advance()))
        } else {
            body = try parseBlock("'{' to start the modifier body")
        }
        return ModifierDecl(
            id: ids.make(), name: name, parameters: parameters, body: body, range: range(from: start),
            inheritance: inheritance, isImplemented: isImplemented)
    }

    /// `virtual`, `override` or `override(A, B)`, at the current token.
    mutating func parseOverrideAttribute(into attributes: inout OverrideAttributes) throws(ParseFailure) {
        let word = advance()
        if word.kind == .keyword(.virtual) {
            if attributes.isVirtual { report(SyntaxDiagnostics.duplicateSpecifier("'virtual'", at: range(word))) }
            attributes.isVirtual = true
            return
        }
        if attributes.overrides != nil { report(SyntaxDiagnostics.duplicateSpecifier("'override'", at: range(word))) }
        var listed: [Identifier] = []
        if consume(.leftParen) != nil {
            repeat {
                var base = try expectIdentifier("base name in 'override(...)'")
                while consume(.period) != nil { base = try expectIdentifier("name after '.'") }
                listed.append(base)
            } while consume(.comma) != nil
            _ = try expect(.rightParen, "')' to close 'override('")
        }
        attributes.overrides = listed
        attributes.overrideRange = range(from: word.start)
    }
}
