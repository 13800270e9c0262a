import Testing
import VigilBasics

@Suite struct LineTableTests {
    @Test func offsetsBecomeOneBasedLinesAndColumns() {
        let table = LineTable(bytes: Array("ab\ncd\n\nef".utf8))
        #expect(table.location(of: 0) == LineColumn(line: 1, column: 1))
        #expect(table.location(of: 4) == LineColumn(line: 2, column: 2))
        #expect(table.location(of: 6) == LineColumn(line: 3, column: 1))
        #expect(table.location(of: 8) == LineColumn(line: 4, column: 2))
    }
}
