import VigilBasics

// Top-level items, contracts and their members.

extension SyntaxParser {
    // MARK: - Source unit

    mutating func parseSourceUnit() -> [TopLevelItem] {
        var items: [TopLevelItem] = []
        while !at(.endOfFile) {
            let before = index
            do {
                if let item = try parseTopLevelItem() { items.append(item) }
            } catch {
                skipTopLevel()
            }
            if index == before { advance() }
        }
        return items
    }

    /// One top-level item; nil for a construct that was reported and skipped.
    mutating func parseTopLevelItem() throws(ParseFailure) -> TopLevelItem? {
        let start = current
        let isSpecBlock = startsTopLevelDeclaration() && start.kind == .identifier
        let allowedInSpecFile = isSpecBlock || at(.pragma) || at(.import)
        if kind == .spec && !allowedInSpecFile && startsTopLevelItem() {
            report(SyntaxDiagnostics.declarationInSpecFile(at: range(start)))
            _ = try parseTopLevelItemIgnoringFileKind()
            return nil
        }
        return try parseTopLevelItemIgnoringFileKind()
    }

    /// Whether the current token starts something `parseTopLevelItemIgnoringFileKind` recognises.
    private func startsTopLevelItem() -> Bool {
        switch current.kind {
        case .keyword(.struct), .keyword(.enum), .keyword(.event), .keyword(.function), .keyword(.using),
            .keyword(.type), .keyword(.mapping), .keyword(.bool), .keyword(.address), .keyword(.string),
            .keyword(.bytes), .integerType, .fixedBytesType, .fixedPointType:
            return true
        case .identifier:
            return atWord("error") && peek(1).kind == .identifier && peek(2).kind == .leftParen
        default:
            return startsTopLevelDeclaration()
        }
    }

    private mutating func parseTopLevelItemIgnoringFileKind() throws(ParseFailure) -> TopLevelItem? {
        switch current.kind {
        case .keyword(.pragma): return .pragma(try parsePragma())
        case .keyword(.import): return try parseImport().map { .importDecl($0) }
        case .keyword(.contract), .keyword(.interface), .keyword(.abstract), .keyword(.library):
            return .contract(try parseContract())
        case .keyword(.struct): return .structDecl(try parseStruct())
        case .keyword(.enum): return .enumDecl(try parseEnum())
        case .keyword(.event): return .eventDecl(try parseEvent())
        case .keyword(.function):
            return .function(try parseFunction())
        case .keyword(.using):
            return .using(try parseUsing())
        case .keyword(.type):
            return .userType(try parseUserType())
        case .keyword(.mapping), .keyword(.bool), .keyword(.address), .keyword(.string), .keyword(.bytes),
            .integerType, .fixedBytesType, .fixedPointType:
            return try parseFileLevelConstant()
        case .identifier:
            if atWord("error") && peek(1).kind == .identifier && peek(2).kind == .leftParen {
                return .errorDecl(try parseError())
            }
            // `IERC20 constant T = ...;`, `L.S constant X = ...;`: a file-level constant of a named type.
            if peek(1).kind == .keyword(.constant) || (peek(1).kind == .period && peek(3).kind == .keyword(.constant)) {
                return try parseFileLevelConstant()
            }
            if startsTopLevelDeclaration() {  // `spec Name {`
                if kind == .solidity { report(SyntaxDiagnostics.propertyInSolidity(at: range(current))) }
                return .spec(try parseSpec())
            }
        case .rightBrace:
            throw failure(SyntaxDiagnostics.unmatchedBrace(at: range(advance())))
        default:
            break
        }
        throw failure(expected: "a contract, interface, spec or other top-level declaration")
    }

    /// `pragma NAME anything ;` — the tokens after the name are kept as their source text.
    mutating func parsePragma() throws(ParseFailure) -> PragmaDecl {
        let start = advance().start
        guard at(.identifier) || current.kind.isKeywordLike else { throw failure(expected: "pragma name") }
        let name = identifier(advance())
        let valueStart = current.start
        var valueEnd = valueStart
        while !at(.semicolon) && !at(.endOfFile) && !startsTopLevelDeclaration() {
            valueEnd = advance().end
        }
        try expectSemicolon(after: "pragma")
        let value = String(decoding: bytes[valueStart..<max(valueStart, valueEnd)], as: UTF8.self)
        let pragma = PragmaDecl(name: name, value: value, range: range(from: start))
        // Said here, so that it comes even when the file does not parse.
        if name.name == "solidity" {
            let v = value.replacingOccurrences(of: " ", with: "")
            let admits08 = v.contains("0.8") || v.hasPrefix(">=0.") || v.hasPrefix(">0.") || v == "*"
            if !admits08 { report(SyntaxDiagnostics.pragmaExcludes08(value, at: pragma.range)) }
        }
        return pragma
    }

    /// `import "path";`; any other form is reported and skipped (nil).
    mutating func parseImport() throws(ParseFailure) -> ImportDecl? {
        let keyword = advance()
        // `import "path";` and `import "path" as M;`
        if at(.stringLiteral) {
            let path = advance()
            var alias: Identifier?
            if consume(.as) != nil { alias = try expectIdentifier("a name after 'as'") }
            try expectSemicolon(after: "import")
            return ImportDecl(
                path: strings[path.payload], pathRange: range(path), range: range(from: keyword.start),
                unitAlias: alias)
        }
        var symbols: [ImportedSymbol] = []
        var alias: Identifier?
        if consume(.star) != nil {
            // `import * as M from "path";`
            guard consume(.as) != nil else { throw failure(expected: "'as' after 'import *'") }
            alias = try expectIdentifier("a name after 'as'")
        } else if consume(.leftBrace) != nil {
            // `import {A, B as C} from "path";`
            while !at(.rightBrace) && !at(.endOfFile) {
                let name = try expectIdentifier("a name to import")
                let local = consume(.as) != nil ? try expectIdentifier("a name after 'as'") : nil
                symbols.append(ImportedSymbol(name: name, alias: local))
                if consume(.comma) == nil { break }
            }
            guard consume(.rightBrace) != nil else { throw failure(expected: "'}' after the imported names") }
        } else {
            report(SyntaxDiagnostics.unsupportedImport(at: range(keyword)))
            skipPastSemicolon()
            return nil
        }
        guard atWord("from") else { throw failure(expected: "'from' and the path of the file to import from") }
        advance()
        guard at(.stringLiteral) else { throw failure(expected: "the path of the file to import from") }
        let path = advance()
        try expectSemicolon(after: "import")
        return ImportDecl(
            path: strings[path.payload], pathRange: range(path), range: range(from: keyword.start),
            symbols: symbols, unitAlias: alias)
    }

    /// Skips `library L { ... }` or a similar declaration with a body.
    private mutating func skipUnsupportedBody() {
        advance()
        while !at(.leftBrace) && !at(.endOfFile) && !at(.semicolon) { advance() }
        if at(.leftBrace) { skipBalanced(.leftBrace, .rightBrace) }
    }

    // MARK: - Contracts

    mutating func parseContract() throws(ParseFailure) -> ContractDecl {
        let start = current.start
        let isAbstract = consume(.abstract) != nil
        let keyword = current
        guard at(.contract) || at(.interface) || at(.library) else {
            throw failure(expected: "'contract' after 'abstract'")
        }
        advance()
        let contractKind: ContractKind =
            switch keyword.kind {
            case .keyword(.interface): .interface
            case .keyword(.library): .library
            default: .contract
            }
        let name = try expectIdentifier("\(contractKind.rawValue) name")
        var bases: [InheritanceSpecifier] = []
        if consume(.is) != nil {
            repeat {
                let baseStart = current.start
                var baseName = try expectIdentifier("base contract name after 'is'")
                if at(.period) {
                    reportNotSupported(.qualifiedNames, at: baseName.range)
                    advance()
                    baseName = try expectIdentifier("base contract name after '.'")
                }
                let arguments = at(.leftParen) ? try parseArguments() : nil
                bases.append(InheritanceSpecifier(name: baseName, arguments: arguments, range: range(from: baseStart)))
            } while consume(.comma) != nil
        }
        let open = try expect(.leftBrace, "'{' to start the \(contractKind.rawValue) body")
        var members: [ContractMember] = []
        while !bodyEnds(opening: open, atDeclaration: startsTopLevelDeclaration()) {
            let before = index
            do {
                if let member = try parseMember() { members.append(member) }
            } catch {
                skip(from: before, level: .member)
            }
            if index == before && !at(.rightBrace) && !at(.endOfFile) { advance() }
        }
        return ContractDecl(
            kind: contractKind, name: name, isAbstract: isAbstract, bases: bases, members: members,
            range: range(from: start))
    }

    /// One member of a contract or interface body; nil for a construct that was reported and skipped.
    mutating func parseMember() throws(ParseFailure) -> ContractMember? {
        switch current.kind {
        case .keyword(.function) where peek(1).kind != .leftParen: return .function(try parseFunction())
        case .keyword(.constructor): return .function(try parseConstructor())
        case .keyword(.modifier): return .modifier(try parseModifier())
        case .keyword(.event): return .event(try parseEvent())
        case .keyword(.struct): return .structDecl(try parseStruct())
        case .keyword(.enum): return .enumDecl(try parseEnum())
        case .keyword(.using): return .using(try parseUsing())
        case .keyword(.type) where peek(1).kind == .identifier:
            return .userType(try parseUserType())
        case .identifier:
            if (atWord("receive") || atWord("fallback")) && peek(1).kind == .leftParen {
                return .function(try parseReceiveOrFallback())
            }
            if atWord("error") && peek(1).kind == .identifier && peek(2).kind == .leftParen {
                return .error(try parseError())
            }
            if startsPropertyMember() {
                if kind == .solidity { report(SyntaxDiagnostics.propertyInSolidity(at: range(current))) }
                return .property(try parseProperty())
            }
        default:
            break
        }
        return .stateVariable(try parseStateVariable())
    }

    /// `T [public|internal|private|constant|immutable]* NAME [= e];`
    mutating func parseStateVariable() throws(ParseFailure) -> StateVariableDecl {
        let start = current.start
        let type = try parseType(what: "a contract member")
        var visibility: Visibility?
        var isConstant = false
        var isImmutable = false
        var inheritance = OverrideAttributes()
        attributes: while true {
            let word = current
            switch word.kind {
            case .keyword(.public), .keyword(.internal), .keyword(.private):
                if visibility != nil { report(SyntaxDiagnostics.duplicateSpecifier("visibility", at: range(word))) }
                visibility = Visibility(rawValue: text(word))
            case .keyword(.constant), .keyword(.immutable):
                let already = word.kind == .keyword(.constant) ? isConstant : isImmutable
                if already { report(SyntaxDiagnostics.duplicateSpecifier("'\(text(word))'", at: range(word))) }
                if word.kind == .keyword(.constant) { isConstant = true } else { isImmutable = true }
            case .keyword(.override), .keyword(.virtual):
                try parseOverrideAttribute(into: &inheritance)
                continue attributes
            case .keyword(.external), .keyword(.payable), .keyword(.memory), .keyword(.storage),
                .keyword(.calldata), .keyword(.view), .keyword(.pure), .keyword(.indexed):
                report(SyntaxDiagnostics.invalidSpecifier(text(word), on: "a state variable", at: range(word)))
            case .identifier where isWord(word, "transient") && peek(1).kind == .identifier:
                reportNotSupported(.transientStorage, at: range(word))
            default:
                break attributes
            }
            advance()
        }
        let name = try expectIdentifier("state variable name")
        var initializer: Expr?
        if consume(.assign) != nil { initializer = try parseExpression() }
        try expectSemicolon(after: "state variable declaration")
        return StateVariableDecl(
            id: ids.make(), type: type, name: name, visibility: visibility ?? .internal, isConstant: isConstant,
            isImmutable: isImmutable, initializer: initializer, range: range(from: start), inheritance: inheritance)
    }

    /// `using L for T;`, `using L for *;`, `using {f, L.g, h as ==} for T [global];` (`~` and
    /// unary `-` as operators are not supported yet).
    mutating func parseUsing() throws(ParseFailure) -> UsingDirective {
        let start = advance().start
        var library: Identifier?
        var functions: [Identifier] = []
        var operators: [UserOperator] = []
        func qualifiedName(_ what: String) throws(ParseFailure) -> Identifier {
            let first = try expectIdentifier(what)
            var name = first.name
            while consume(.period) != nil { name += "." + (try expectIdentifier("name after '.'")).name }
            return Identifier(name, range(from: first.range.start))
        }
        if consume(.leftBrace) != nil {
            repeat {
                let function = try qualifiedName("function name in 'using {...}'")
                if let alias = consume(.as) {
                    let symbol = advance()
                    if let (op, _) = Self.binaryOperator(symbol.kind), Self.userDefinable.contains(op) {
                        operators.append(
                            UserOperator(function: function, op: op, range: range(alias).union(range(symbol))))
                    } else {
                        reportNotSupported(.userDefinedOperators, at: range(alias).union(range(symbol)))
                    }
                } else {
                    functions.append(function)
                }
            } while consume(.comma) != nil
            _ = try expect(.rightBrace, "'}' to close the function list of 'using'")
        } else {
            library = try qualifiedName("library name after 'using'")
        }
        guard consume(.for) != nil else { throw failure(expected: "'for' in 'using ... for'") }
        var target: TypeName?
        if consume(.star) == nil { target = try parseType(what: "the type of 'using ... for'") }
        let isGlobal = atWord("global")
        if isGlobal { advance() }
        try expectSemicolon(after: "'using ... for'")
        return UsingDirective(
            library: library, functions: functions, operators: operators, target: target, isGlobal: isGlobal,
            range: range(from: start))
    }

    /// The binary operators a `using {f as OP}` may define (solc's list, but for `~` and unary `-`).
    static let userDefinable: Set<BinaryOperator> = [
        .bitAnd, .bitOr, .bitXor, .add, .subtract, .multiply, .divide, .modulo, .equal, .notEqual, .less, .lessEqual,
        .greater, .greaterEqual,
    ]

    /// `type Name is T;`
    mutating func parseUserType() throws(ParseFailure) -> UserTypeDecl {
        let start = advance().start
        let name = try expectIdentifier("type name after 'type'")
        _ = try expect(.keyword(.is), "'is' after the type name")
        let underlying = try parseType(what: "the underlying type")
        try expectSemicolon(after: "a user-defined value type")
        return UserTypeDecl(name: name, underlying: underlying, range: range(from: start))
    }

    /// `T constant NAME = value;` at file level.
    mutating func parseFileLevelConstant() throws(ParseFailure) -> TopLevelItem {
        let v = try parseStateVariable()
        if !v.isConstant {
            report(
                .error(
                    "parse.file-level-variable",
                    "a variable at file level must be 'constant' (state lives in contracts)",
                    at: v.name.range))
        }
        return .constant(v)
    }

    /// `event E(T indexed a, ...) [anonymous];` — `indexed` and `anonymous` are accepted and ignored.
    mutating func parseEvent() throws(ParseFailure) -> EventDecl {
        let start = advance().start
        let name = try expectIdentifier("event name")
        let parameters = try parseParameterList(allowIndexed: true)
        _ = consume(.anonymous)
        try expectSemicolon(after: "event declaration")
        return EventDecl(name: name, parameters: parameters, range: range(from: start))
    }

    /// `error E(T a, ...);`
    mutating func parseError() throws(ParseFailure) -> ErrorDecl {
        let start = advance().start
        let name = try expectIdentifier("error name")
        let parameters = try parseParameterList()
        try expectSemicolon(after: "error declaration")
        return ErrorDecl(name: name, parameters: parameters, range: range(from: start))
    }

    /// `struct S { T a; ... }`; an error in a field skips that field only.
    mutating func parseStruct() throws(ParseFailure) -> StructDecl {
        let start = advance().start
        let name = try expectIdentifier("struct name")
        let open = try expect(.leftBrace, "'{' after the struct name")
        var fields: [VariableDecl] = []
        while consume(.rightBrace) == nil {
            if at(.endOfFile) {
                report(SyntaxDiagnostics.expectedClosingBrace(at: range(current), opening: range(open)))
                break
            }
            let before = index
            do {
                let fieldStart = current.start
                let type = try parseType(what: "a struct field")
                let fieldName = try expectIdentifier("field name")
                fields.append(
                    VariableDecl(
                        id: ids.make(), type: type, location: nil, name: fieldName, range: range(from: fieldStart)))
                try expectSemicolon(after: "struct field")
            } catch {
                skip(from: before, level: .statement)
            }
            if index == before && !at(.rightBrace) && !at(.endOfFile) { advance() }
        }
        return StructDecl(name: name, fields: fields, range: range(from: start))
    }

    /// `enum E { A, B }`
    mutating func parseEnum() throws(ParseFailure) -> EnumDecl {
        let start = advance().start
        let name = try expectIdentifier("enum name")
        try expect(.leftBrace, "'{' after the enum name")
        var members: [Identifier] = []
        if !at(.rightBrace) {
            repeat {
                members.append(try expectIdentifier("enum member name"))
            } while consume(.comma) != nil
        }
        try expect(.rightBrace, "',' or '}' in the enum")
        return EnumDecl(name: name, members: members, range: range(from: start))
    }
}

extension TokenKind {
    /// Keywords and elementary type names, which may name a pragma (`pragma abicoder v2;`).
    var isKeywordLike: Bool {
        switch self {
        case .keyword, .integerType, .fixedBytesType, .fixedPointType: true
        default: false
        }
    }
}
