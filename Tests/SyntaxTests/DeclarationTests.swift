import Testing
import VigilBasics
import VigilSyntax

/// The statements of `function f() public { <body> }` as prefix forms, with the file's diagnostics.
private func statements(_ body: String, kind: SourceKind = .solidity) -> (forms: [String], messages: [String]) {
    let parsed = parse("contract C { function f() public { \(body) } }", kind: kind)
    return (firstFunctionBody(parsed).map(form), parsed.messages)
}

/// A one-line form of a statement for comparisons.
private func form(_ s: Stmt) -> String {
    switch s.kind {
    case .variable(let v, let initializer):
        let location = v.location.map { " \($0.rawValue)" } ?? ""
        let value = initializer.map { " = \(sexpr($0))" } ?? ""
        return "var \(typeText(v.type))\(location) \(v.name?.name ?? "_")\(value)"
    case .tupleVariable(let components, let initializer):
        let names = components.map { c in c.map { "\(typeText($0.type)) \($0.name?.name ?? "_")" } ?? "" }
        return "tuple (\(names.joined(separator: ", "))) = \(sexpr(initializer))"
    case .expression(let e): return sexpr(e)
    case .delete(let e): return "delete \(sexpr(e))"
    case .revertError(let error, let arguments): return "revert \(error.name)(\(arguments.map(sexpr).joined()))"
    case .placeholder: return "_"
    case .block(let b): return "{ \(b.statements.map(form).joined(separator: "; ")) }"
    case .unchecked(let b): return "unchecked { \(b.statements.map(form).joined(separator: "; ")) }"
    case .forStmt(let i, let c, let u, let body):
        return "for (\(i.map(form) ?? ""); \(sexpr(c)); \(sexpr(u))) \(form(body))"
    case .emit(let event, let arguments): return "emit \(event.name)(\(arguments.map(sexpr).joined(separator: ", ")))"
    case .breakStmt: return "break"
    default: return "\(s.kind)"
    }
}

@Suite struct DeclarationTests {
    @Test func contextualWordsAreIdentifiersInCode() {
        let parsed = parse(
            """
            contract C {
                uint value;
                function transferFrom(address from, address to, uint value) public returns (uint result) {
                    uint sum = value;
                    uint rule = 1;
                    call(from, to);
                    call = spec + invariant + old(sum) + forall + any;
                    result = sum;
                }
                function call(address from, address to) internal {}
            }
            """)
        #expect(parsed.messages == [])
        guard case .function(let f) = parsed.contracts.first?.members[1] else {
            Issue.record("no function")
            return
        }
        #expect(f.parameters.compactMap(\.name?.name) == ["from", "to", "value"])
        #expect(f.returns.compactMap(\.name?.name) == ["result"])
        #expect(
            firstFunctionBody(parsed).map(form) == [
                "var uint256 sum = value", "var uint256 rule = 1", "(call call from to)",
                "(= call (+ (+ (+ (+ spec invariant) (call old sum)) forall) any))", "(= result sum)",
            ])
    }

    @Test func declarationOrExpressionByLookahead() {
        let (forms, messages) = statements(
            """
            S storage s = accounts[a];
            S memory m;
            Token t = Token(a);
            Token(a).transfer(b, 1);
            accounts[a].open = true;
            a[i] = 1;
            mapping(uint => uint) storage z = y;
            address payable p = payable(a);
            address(this).balance;
            uint8(x);
            x.y = 1;
            """)
        #expect(messages == [])
        #expect(
            forms == [
                "var S storage s = accounts[a]", "var S memory m", "var Token t = (call Token a)",
                "(call (call Token a).transfer b 1)", "(= accounts[a].open true)", "(= a[i] 1)",
                "var mapping(uint256 => uint256) storage z = y", "var address payable p = (call address payable a)",
                "(call address this).balance", "(call uint8 x)", "(= x.y 1)",
            ])
    }

    @Test func tupleDeclarations() {
        let (forms, messages) = statements(
            """
            (bool ok, ) = to.call{value: v}("");
            (bool sent, bytes memory data) = to.call{value: 1}("");
            (, bool last) = f();
            """)
        #expect(messages == [])
        #expect(
            forms == [
                "tuple (bool ok, ) = (call to.call{value: v} \"\")",
                "tuple (bool sent, bytes data) = (call to.call{value: 1} \"\")",
                "tuple (, bool last) = (call f)",
            ])
    }

    @Test func revertForms() {
        let (forms, messages) = statements(
            "revert Unauthorized(msg.sender); revert; revert(\"no\"); revert(); delete m[a]; _;")
        #expect(messages == [])
        #expect(
            forms == [
                "revert Unauthorized(msg.sender)", "(call revert)", "(call revert \"no\")", "(call revert)",
                "delete m[a]", "_",
            ])
    }

    @Test func loopsAndBlocks() {
        let (forms, messages) = statements(
            """
            for (;;) { break; }
            for (i = 0; i < n; i++) {}
            for (uint j; ; ) {}
            unchecked { x--; }
            { emit E(1, "a"); }
            """)
        #expect(messages == [])
        #expect(
            forms == [
                "for (; <none>; <none>) { break }", "for ((= i 0); (< i n); (i ++)) {  }",
                "for (var uint256 j; <none>; <none>) {  }", "unchecked { (x --) }", "{ emit E(1, \"a\") }",
            ])
    }

    @Test func functionHeaders() throws {
        let parsed = parse(
            """
            contract C {
                constructor(address o) payable lock(1) {}
                function f(uint a) external view onlyOwner lock(a + 1) returns (uint) { return a; }
                function g() internal pure {}
                receive() external payable {}
                fallback() external {}
                modifier lock(uint n) { _; }
                modifier onlyOwner { _; }
            }
            """)
        #expect(parsed.messages == [])
        let members = try #require(parsed.contracts.first?.members)
        var functions: [FunctionDecl] = []
        var modifiers: [ModifierDecl] = []
        for member in members {
            if case .function(let f) = member { functions.append(f) }
            if case .modifier(let m) = member { modifiers.append(m) }
        }
        #expect(functions.map(\.kind) == [.constructor, .function, .function, .receive, .fallback])
        #expect(functions.map(\.name.name) == ["constructor", "f", "g", "receive", "fallback"])
        #expect(functions.map(\.visibility) == [nil, .external, .internal, .external, .external])
        #expect(functions.map(\.mutability) == [.payable, .view, .pure, .payable, .nonpayable])
        #expect(functions[1].modifiers.map(\.name.name) == ["onlyOwner", "lock"])
        #expect(functions[1].modifiers.map { $0.arguments.map(sexpr) } == [[], ["(+ a 1)"]])
        #expect(functions[1].returns.count == 1 && functions[1].returns[0].name == nil)
        #expect(modifiers.map(\.name.name) == ["lock", "onlyOwner"])
        #expect(modifiers.map(\.parameters.count) == [1, 0])
    }

    @Test func stateVariablesAndTypes() throws {
        let parsed = parse(
            """
            contract C {
                mapping(address owner => mapping(address spender => uint256 amount)) private allowances;
                address payable public immutable treasury;
                uint256 constant MAX = type(uint256).max;
                int8 public x = -1;
                Kind kind;
                enum Kind { A, B }
                struct Pair { uint a; bool b; }
                event E(address indexed a, string note) anonymous;
                error Bad(uint code, string why);
            }
            interface I {
                function f(uint a) external returns (bool);
                event T(address indexed from, uint value);
            }
            """)
        #expect(parsed.messages == [])
        let text = parsed.dump
        #expect(text.contains("StateVariable mapping(address => mapping(address => uint256)) allowances private @2:5"))
        #expect(text.contains("StateVariable address payable treasury public immutable @3:5"))
        #expect(text.contains("StateVariable uint256 MAX internal constant @4:5"))
        #expect(text.contains("StateVariable int8 x public @5:5"))
        #expect(text.contains("StateVariable Kind kind internal @6:5"))
        #expect(text.contains("Interface I @12:1"))
        #expect(text.contains("    Function f external nonpayable @13:5\n      Parameter uint256 a @13:16\n"))
    }

    @Test func importsAndPragmas() {
        let parsed = parse(
            """
            pragma solidity >=0.8.0 <0.9.0;
            pragma abicoder v2;
            import "./Other.sol";
            import "./Spaced.sol" ;
            import {X, Y} from "./y.sol";
            import "./z.sol" as Z;
            import {W as V} from "./w.sol";
            import * as Q from "./q.sol";
            import;
            contract C {}
            """)
        #expect(
            parsed.messages == [
                "9:1 parse.bad-import: expected a path, '*' or '{' after 'import' (forms: 'import \"path\";', "
                    + "'import \"path\" as M;', 'import * as M from \"path\";', 'import {A, B as C} from \"path\";')"
            ])
        #expect(
            parsed.dump == """
                SourceUnit solidity
                  Pragma solidity ">=0.8.0 <0.9.0" @1:1
                  Pragma abicoder "v2" @2:1
                  Import "./Other.sol" @3:1
                  Import "./Spaced.sol" @4:1
                  Import {X, Y} "./y.sol" @5:1
                  Import "./z.sol" as Z @6:1
                  Import {W as V} "./w.sol" @7:1
                  Import "./q.sol" as Q @8:1
                  Contract C @10:1

                """)
    }

    @Test func nodeIDsAreUniqueAndComeFromTheAllocator() {
        var sources = SourceManager()
        let id = sources.add(
            path: "a.sol", bytes: Array("contract C { uint x = 1 + 2; function f(uint a) public { a++; } }".utf8))
        var ids = NodeIDAllocator(startingAt: 100)
        _ = Parser.parse(file: sources[id], kind: .solidity, ids: &ids)
        // 3 expressions and the state variable; the parameter, 2 expressions, the statement and the function.
        #expect(ids.next == 109)
    }
}
