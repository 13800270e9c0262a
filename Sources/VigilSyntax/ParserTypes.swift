import VigilBasics

// Type names, parameter lists and variable declarations.

extension SyntaxParser {
    /// A type as written; an array type is reported (at its start) and its suffix skipped.
    /// `what` names what was expected when no type starts here.
    mutating func parseType(what: String = "type name") throws(ParseFailure) -> TypeName {
        let start = current
        var type: TypeName
        switch start.kind {
        case .integerType(let signed, let bits):
            advance()
            type = .elementary(signed ? .int(bits) : .uint(bits), range(start))
        case .keyword(.bool):
            advance()
            type = .elementary(.bool, range(start))
        case .keyword(.address):
            advance()
            let payable = consume(.payable) != nil
            type = .elementary(payable ? .addressPayable : .address, range(from: start.start))
        case .keyword(.string):
            advance()
            type = .elementary(.string, range(start))
        case .keyword(.bytes):
            advance()
            type = .elementary(.bytes, range(start))
        case .fixedBytesType(let size):
            advance()
            type = .elementary(.fixedBytes(size), range(start))
        case .fixedPointType:
            reportNotSupported(.fixedPoint, at: range(start))
            type = .named(identifier(advance()))
        case .keyword(.mapping):
            type = try parseMappingType()
        case .keyword(.function):
            if peek(1).kind == .leftParen && startsOldFallback() {
                throw abandonAsOldSolidity(
                    "an unnamed function ('function() { ... }', the old fallback)", at: range(start))
            }
            type = .function(try parseFunctionType())
        case .identifier:
            advance()
            type = .named(identifier(start))
            if at(.period) && peek(1).kind == .identifier {
                // `L.S`: a struct or enum of a library, contract or interface, resolved by its qualified name.
                while at(.period) && peek(1).kind == .identifier {
                    advance()
                    advance()
                }
                let qualified = range(from: start.start)
                type = .named(
                    Identifier(String(decoding: bytes[qualified.start..<qualified.end], as: UTF8.self), qualified))
            }
        default:
            throw failure(expected: what)
        }
        // `T[]`, `T[N]`, `T[][2]`, ...
        while at(.leftBracket) {
            advance()
            let length = at(.rightBracket) ? nil : try parseExpression()
            try expect(.rightBracket, "']' to close the array type")
            type = .array(element: type, length: length, range: range(from: start.start))
        }
        return type
    }

    /// `mapping(K [name] => V [name])`
    private mutating func parseMappingType() throws(ParseFailure) -> TypeName {
        try enterNesting()
        defer { leaveNesting() }
        let start = advance().start
        try expect(.leftParen, "'(' after 'mapping'")
        let key = try parseType()
        _ = consume(.identifier)
        try expect(.arrow, "'=>' in the mapping type")
        let value = try parseType()
        _ = consume(.identifier)
        try expect(.rightParen, "')' to end the mapping type")
        return .mapping(key: key, value: value, range: range(from: start))
    }

    /// `function (T, ...) [internal|external] [pure|view|payable] [returns (T, ...)]`, from `function`.
    private mutating func parseFunctionType() throws(ParseFailure) -> FunctionTypeName {
        let start = advance()
        let parameters = try parseParameterList().map(\.type)
        var isExternal = false
        var mutability = Mutability.nonpayable
        var returns: [TypeName] = []
        while true {
            switch current.kind {
            case .keyword(.external), .keyword(.public):
                advance()
                isExternal = true
            case .keyword(.internal), .keyword(.private):
                advance()
            case .keyword(.pure), .keyword(.view), .keyword(.payable):
                mutability = Mutability(rawValue: text(advance())) ?? .nonpayable
            case .keyword(.returns):
                advance()
                returns = try parseParameterList().map(\.type)
            default:
                return FunctionTypeName(
                    parameters: parameters, returns: returns, isExternal: isExternal, mutability: mutability,
                    range: range(from: start.start))
            }
        }
    }

    /// `memory`, `storage` or `calldata`, consumed; nil when absent.
    mutating func parseDataLocation() -> DataLocation? {
        switch current.kind {
        case .keyword(.memory), .keyword(.storage), .keyword(.calldata):
            return DataLocation(rawValue: text(advance()))
        default:
            return nil
        }
    }

    /// `( [T [location] [indexed] [name] {, ...}] )`
    mutating func parseParameterList(
        allowIndexed: Bool = false
    ) throws(ParseFailure) -> [VariableDecl] {
        try expect(.leftParen, "'(' to start the parameter list")
        if consume(.rightParen) != nil { return [] }
        var parameters: [VariableDecl] = []
        repeat {
            let start = current.start
            let type = try parseType(what: "parameter type")
            let location = parseDataLocation()
            if allowIndexed { _ = consume(.indexed) }
            let name = at(.identifier) ? identifier(advance()) : nil
            parameters.append(
                VariableDecl(id: ids.make(), type: type, location: location, name: name, range: range(from: start)))
        } while consume(.comma) != nil
        try expect(.rightParen, "',' or ')' in the parameter list")
        return parameters
    }

    /// `T [location] name` of a local variable (the name is required).
    mutating func parseLocalVariable() throws(ParseFailure) -> VariableDecl {
        let start = current.start
        let type = try parseType()
        let location = parseDataLocation()
        let name = try expectIdentifier("variable name")
        return VariableDecl(id: ids.make(), type: type, location: location, name: name, range: range(from: start))
    }

    /// Whether a variable declaration starts at token `position`: an elementary type that is not a
    /// conversion (`uint x`, not `uint(x)`), `mapping`, or a name followed by a name or a data location
    /// (`S s`, `S storage s`, `S[] memory a`).
    func looksLikeVariableDeclaration(at position: Int) -> Bool {
        let next = token(at: position + 1).kind
        switch token(at: position).kind {
        case .integerType, .fixedBytesType, .fixedPointType, .keyword(.bool), .keyword(.string), .keyword(.bytes),
            .keyword(.address):
            return next != .leftParen && next != .period
        case .keyword(.mapping):
            return true
        case .keyword(.function):
            return next == .leftParen
        case .identifier:
            var cursor = position + 1
            while token(at: cursor).kind == .period && token(at: cursor + 1).kind == .identifier { cursor += 2 }
            while token(at: cursor).kind == .leftBracket {
                guard let after = indexAfterBrackets(from: cursor) else { return false }
                cursor = after
            }
            switch token(at: cursor).kind {
            case .identifier, .keyword(.memory), .keyword(.storage), .keyword(.calldata): return true
            default: return false
            }
        default:
            return false
        }
    }

    /// The token index after the `]` that closes the `[` at `position`; nil when a `;`, brace or the end
    /// of file comes first (no array type spans those).
    private func indexAfterBrackets(from position: Int) -> Int? {
        var depth = 0
        var cursor = position
        while true {
            switch token(at: cursor).kind {
            case .leftBracket: depth += 1
            case .rightBracket:
                depth -= 1
                if depth == 0 { return cursor + 1 }
            case .semicolon, .leftBrace, .rightBrace, .endOfFile: return nil
            default: break
            }
            cursor += 1
        }
    }

    /// Whether `function (` here declares a function body (Solidity before 0.6's unnamed
    /// fallback) rather than a function type: a `{` comes before any `;`.
    func startsOldFallback() -> Bool {
        var i = index + 1
        var depth = 0
        while i < tokens.count {
            switch tokens[i].kind {
            case .leftBrace: return depth == 0
            case .semicolon, .endOfFile, .assign, .keyword(.returns): return false
            // A function type inside a parameter list: the list goes on or closes.
            case .comma where depth == 0: return false
            case .leftParen: depth += 1
            case .rightParen:
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
            i += 1
        }
        return false
    }
}
