import BigInt
import Testing
import VigilInterpreter
import VigilTrace

/// Checked and unchecked arithmetic, signed division, shifts and bitwise operators (§4 "Values").
@Suite struct ArithmeticReplayTests {
    static let source = """
        contract Arith {
            uint8 public x = 255;

            invariant trivial: true;
            invariant stillMax: x == 255;

            function inc() public { x += 1; }
            function incUnchecked() public { unchecked { x += 1; } }
            function add(uint8 a, uint8 b) public pure returns (uint8) { return a + b; }
            function addUnchecked(uint8 a, uint8 b) public pure returns (uint8) { unchecked { return a + b; } }
            function sub(uint8 a, uint8 b) public pure returns (uint8) { return a - b; }
            function div(int8 a, int8 b) public pure returns (int8) { return a / b; }
            function mod(int8 a, int8 b) public pure returns (int8) { return a % b; }
            function divUnchecked(int8 a, int8 b) public pure returns (int8) { unchecked { return a / b; } }
            function neg(int8 a) public pure returns (int8) { return -a; }
            function pow(uint8 a) public pure returns (uint8) { return a ** 3; }
            function powUnchecked(uint8 a) public pure returns (uint8) { unchecked { return a ** 3; } }
            function shl(uint8 a, uint n) public pure returns (uint8) { return a << n; }
            function shr(int8 a, uint n) public pure returns (int8) { return a >> n; }
            function and8(int8 a, int8 b) public pure returns (int8) { return a & b; }
            function or8(int8 a, int8 b) public pure returns (int8) { return a | b; }
            function xor8(int8 a, int8 b) public pure returns (int8) { return a ^ b; }
            function notU(uint8 a) public pure returns (uint8) { return ~a; }
            function notI(int8 a) public pure returns (int8) { return ~a; }
            function narrow(uint a) public pure returns (uint8) { return uint8(a); }
            function toSigned(uint8 a) public pure returns (int8) { return int8(a); }
            function increments(uint8 a) public pure returns (uint8) { uint8 b = a++; return b + a; }
        }
        """

    @Test func checkedOverflowReverts() throws {
        let fixture = try Fixture(Self.source)
        let step = try #require(fixture.step("inc"))
        #expect(step.revertReason == "arithmetic overflow at line 7")
        #expect(step.changes.isEmpty)
        #expect(fixture.replay(schedule([call("inc")]), invariant("stillMax")).isNotViolated)
        #expect(fixture.step("add", [255, 1])?.revertReason == "arithmetic overflow at line 9")
        #expect(fixture.step("sub", [0, 1])?.revertReason == "arithmetic underflow at line 11")
        #expect(fixture.step("neg", [-128])?.revertReason == "arithmetic overflow at line 15")
        #expect(fixture.step("pow", [7])?.revertReason == "arithmetic overflow at line 16")
        #expect(fixture.step("pow", [6])?.returned == .int(216))
    }

    @Test func uncheckedArithmeticWraps() throws {
        let fixture = try Fixture(Self.source)
        let result = fixture.replay(schedule([call("incUnchecked")]), invariant("stillMax"))
        #expect(result.isViolated)
        #expect(result.trace?.part("x") == .int(0))
        #expect(fixture.step("addUnchecked", [255, 1])?.returned == .int(0))
        #expect(fixture.step("powUnchecked", [7])?.returned == .int(343 % 256))
    }

    @Test func signedDivisionTruncatesTowardZero() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("div", [-7, 2])?.returned == .int(-3))
        #expect(fixture.step("mod", [-7, 2])?.returned == .int(-1))
        #expect(fixture.step("mod", [7, -2])?.returned == .int(1))
        #expect(fixture.step("div", [5, 0])?.revertReason == "division by zero at line 12")
        #expect(fixture.step("mod", [5, 0])?.revertReason == "modulo by zero at line 13")
    }

    @Test func minimumDividedByMinusOne() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("div", [-128, -1])?.revertReason == "arithmetic overflow at line 12")
        #expect(fixture.step("divUnchecked", [-128, -1])?.returned == .int(-128))
        #expect(fixture.step("divUnchecked", [1, 0])?.revertReason == "division by zero at line 14")
    }

    @Test func shiftsNeverRevert() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("shl", [200, 1])?.returned == .int(144))
        #expect(fixture.step("shl", [1, 300])?.returned == .int(0))
        #expect(fixture.step("shl", [1, BigInt(1) << 255])?.returned == .int(0))
        #expect(fixture.step("shr", [-7, 1])?.returned == .int(-4))
        #expect(fixture.step("shr", [-1, 300])?.returned == .int(-1))
        #expect(fixture.step("shr", [100, 3])?.returned == .int(12))
    }

    @Test func bitwiseOperatorsUseTwosComplement() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("and8", [-2, 7])?.returned == .int(6))
        #expect(fixture.step("or8", [-8, 3])?.returned == .int(-5))
        #expect(fixture.step("xor8", [-1, 1])?.returned == .int(-2))
        #expect(fixture.step("notU", [5])?.returned == .int(250))
        #expect(fixture.step("notI", [5])?.returned == .int(-6))
    }

    @Test func conversionsTruncate() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("narrow", [257])?.returned == .int(1))
        #expect(fixture.step("toSigned", [255])?.returned == .int(-1))
    }

    @Test func postIncrementYieldsTheOldValue() throws {
        let fixture = try Fixture(Self.source)
        #expect(fixture.step("increments", [3])?.returned == .int(7))
        #expect(fixture.step("increments", [255])?.revertReason == "arithmetic overflow at line 27")
    }
}
