/// Identifies a source file within one run (an index into `SourceManager.files`).
public struct FileID: Hashable, Sendable, Comparable {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: FileID, b: FileID) -> Bool { a.raw < b.raw }
}

/// A half-open byte range `[start, end)` in one source file. Offsets count UTF-8 bytes
/// from the start of the file; they become 1-based lines and columns only through
/// the file's `LineTable`.
public struct SourceRange: Hashable, Sendable {
    public let file: FileID
    public let start: Int
    public let end: Int
    public init(file: FileID, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }
    /// Whether `other` lies within this range (in the same file).
    public func contains(_ other: SourceRange) -> Bool {
        file == other.file && start <= other.start && other.end <= end
    }
    /// The smallest range covering both (which must be in the same file).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}

/// A 1-based line and column (the column counts bytes).
public struct LineColumn: Hashable, Sendable {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Maps byte offsets to lines and columns for one file.
public struct LineTable: Sendable {
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column of a byte offset.
    public func location(of offset: Int) -> LineColumn {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return LineColumn(line: lo + 1, column: offset - lineStarts[lo] + 1)
    }
}

/// One source file: its path as given, its bytes and its line table.
public struct SourceFile: Sendable {
    public let id: FileID
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineTable

    public init(id: FileID, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.lines = LineTable(bytes: bytes)
    }

    /// The text of a 1-based line, without its line break (invalid UTF-8 is replaced).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lines.lineStarts.count else { return "" }
        let start = lines.lineStarts[line - 1]
        var end = line < lines.lineStarts.count ? lines.lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text of a range.
    public func text(of range: SourceRange) -> String {
        let s = min(max(0, range.start), bytes.count)
        let e = min(max(s, range.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}

/// All source files of one run, indexed by `FileID`.
public struct SourceManager: Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a file and returns its id.
    @discardableResult
    public mutating func add(path: String, bytes: [UInt8]) -> FileID {
        let id = FileID(files.count)
        files.append(SourceFile(id: id, path: path, bytes: bytes))
        return id
    }

    public subscript(id: FileID) -> SourceFile { files[id.raw] }

    /// Line and column of the start of a range.
    public func start(of range: SourceRange) -> LineColumn { self[range.file].lines.location(of: range.start) }

    /// `Name.sol:line` of the start of a range: the file's name without its folders.
    public func briefly(_ range: SourceRange) -> String {
        "\(self[range.file].path.split(separator: "/").last ?? ""):\(start(of: range).line)"
    }

    /// `path:line:col` of the start of a range.
    public func describe(_ range: SourceRange) -> String {
        let lc = start(of: range)
        return "\(self[range.file].path):\(lc.line):\(lc.column)"
    }
}
