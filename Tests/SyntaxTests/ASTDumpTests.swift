import Testing
import VigilBasics
import VigilSyntax

@Suite struct ASTDumpTests {
    /// A contract that touches most of the grammar: declarations of every kind, statements,
    /// expressions and properties.
    static let source = """
        pragma solidity >=0.8.0 <0.9.0;
        import "./Token.sol";

        interface IOracle {
            function price() external view returns (uint256);
        }

        error Unauthorized(address caller);

        contract Bank {
            struct Account { uint balance; bool open; }
            enum State { Active, Frozen }
            event Paid(address indexed to, uint amount, string memo);

            address payable public owner;
            uint8 constant FEE = 2;
            IOracle immutable oracle;

            invariant fee: FEE <= 100;
            trusted owner;

            modifier onlyOwner() {
                if (msg.sender != owner) revert Unauthorized(msg.sender);
                _;
            }

            constructor(IOracle o) payable {
                owner = payable(msg.sender);
                oracle = o;
            }

            function pay(address payable to, uint amount) external onlyOwner returns (bool ok)
                ensures old(address(this).balance) >= amount
            {
                unchecked { amount = amount * 1; }
                while (amount > type(uint128).max) { amount /= 2; }
                ok = to.send(amount);
                emit Paid(to, amount, "paid");
                return ok;
            }

            receive() external payable {}
            fallback() external {}

            rule payReduces(address to) {
                uint before = address(this).balance;
                call pay(to, 1 wei) from owner;
                assert(address(this).balance < before);
            }
        }
        """

    @Test func representativeContract() {
        let parsed = parse(Self.source, kind: .vigil)
        #expect(parsed.messages == [])
        #expect(parsed.dump == Self.expected)
    }

    @Test func dumpIsDeterministic() {
        let first = parse(Self.source, kind: .vigil).dump
        var ids = NodeIDAllocator(startingAt: 5_000)
        var sources = SourceManager()
        let id = sources.add(path: "other.vigil", bytes: Array(Self.source.utf8))
        let (unit, _) = Parser.parse(file: sources[id], kind: .vigil, ids: &ids)
        #expect(ASTDump.dump(unit, sources: sources) == first)
    }

    static let expected = """
        SourceUnit vigil
          Pragma solidity ">=0.8.0 <0.9.0" @1:1
          Import "./Token.sol" @2:1
          Interface IOracle @4:1
            Function price external view @5:5
              Returns uint256 @5:45
          Error Unauthorized @8:1
            Parameter address caller @8:20
          Contract Bank @10:1
            Struct Account @11:5
              Field uint256 balance @11:22
              Field bool open @11:36
            Enum State @12:5
              EnumMember Active @12:18
              EnumMember Frozen @12:26
            Event Paid @13:5
              Parameter address to @13:16
              Parameter uint256 amount @13:36
              Parameter string memo @13:49
            StateVariable address payable owner public @15:5
            StateVariable uint8 FEE internal constant @16:5
              initializer: Number 2 "2" @16:26
            StateVariable IOracle oracle internal immutable @17:5
            Invariant fee @19:5
              Binary <= @19:20
                Identifier FEE @19:20
                Number 100 "100" @19:27
            Trusted @20:5
              Identifier owner @20:13
            ModifierDefinition onlyOwner @22:5
              Block @22:26
                If @23:9
                  condition: Binary != @23:13
                    Member .sender @23:13
                      Identifier msg @23:13
                    Identifier owner @23:27
                  then: RevertError Unauthorized @23:34
                    Member .sender @23:54
                      Identifier msg @23:54
                Placeholder @24:9
            Function constructor payable @27:5
              Parameter IOracle o @27:17
              Block @27:36
                ExpressionStatement @28:9
                  Assignment = @28:9
                    Identifier owner @28:9
                    Call @28:17
                      callee: ElementaryType address payable @28:17
                      Member .sender @28:25
                        Identifier msg @28:25
                ExpressionStatement @29:9
                  Assignment = @29:9
                    Identifier oracle @29:9
                    Identifier o @29:18
            Function pay external nonpayable @32:5
              Parameter address payable to @32:18
              Parameter uint256 amount @32:38
              Returns bool ok @32:79
              ModifierInvocation onlyOwner @32:60
              Ensures @33:9
                Binary >= @33:17
                  Call @33:17
                    callee: Identifier old @33:17
                    Member .balance @33:21
                      Call @33:21
                        callee: ElementaryType address @33:21
                        Identifier this @33:29
                  Identifier amount @33:47
              Block @34:5
                Unchecked @35:9
                  ExpressionStatement @35:21
                    Assignment = @35:21
                      Identifier amount @35:21
                      Binary * @35:30
                        Identifier amount @35:30
                        Number 1 "1" @35:39
                While @36:9
                  condition: Binary > @36:16
                    Identifier amount @36:16
                    TypeQuery uint128 .max @36:25
                  body: Block @36:44
                    ExpressionStatement @36:46
                      Assignment /= @36:46
                        Identifier amount @36:46
                        Number 2 "2" @36:56
                ExpressionStatement @37:9
                  Assignment = @37:9
                    Identifier ok @37:9
                    Call @37:14
                      callee: Member .send @37:14
                        Identifier to @37:14
                      Identifier amount @37:22
                Emit Paid @38:9
                  Identifier to @38:19
                  Identifier amount @38:23
                  String "paid" @38:31
                Return @39:9
                  Identifier ok @39:16
            Function receive external payable @42:5
              Block @42:32
            Function fallback external nonpayable @43:5
              Block @43:25
            Rule payReduces @45:5
              Parameter address to @45:21
              Block @45:33
                VariableDeclaration @46:9
                  Variable uint256 before @46:9
                  initializer: Member .balance @46:23
                    Call @46:23
                      callee: ElementaryType address @46:23
                      Identifier this @46:31
                RuleCall pay @47:9
                  Identifier to @47:18
                  Number 1 "1 wei" @47:22
                  from: Identifier owner @47:34
                ExpressionStatement @48:9
                  Call @48:9
                    callee: Identifier assert @48:9
                    Binary < @48:16
                      Member .balance @48:16
                        Call @48:16
                          callee: ElementaryType address @48:16
                          Identifier this @48:24
                      Identifier before @48:40

        """
}
