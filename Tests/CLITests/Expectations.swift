import Foundation

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A `// @expect NAME VERDICT` line.
struct VerdictExpectation: CustomStringConvertible {
    let file: String
    let line: Int
    let property: String
    let verdict: String
    var description: String { "\(file):\(line): @expect \(property) \(verdict)" }
}

/// A `// @expect-error LINE:COL "message part"` line.
struct ErrorExpectation: CustomStringConvertible {
    let line: Int
    let column: Int
    let message: String
    var description: String { "\(line):\(column) \"\(message)\"" }
}

/// Files below a folder of the repository with the given extensions, sorted.
func repositoryFiles(in folder: String, extensions: [String]) -> [String] {
    let base = repositoryRoot.appendingPathComponent(folder).path
    let all = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
    return all.filter { extensions.contains(($0 as NSString).pathExtension) }.sorted()
        .map { (base as NSString).appendingPathComponent($0) }
}

func fileLines(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
}

func verdictExpectations(in path: String) -> [VerdictExpectation] {
    fileLines(path).enumerated().compactMap { index, text in
        guard let r = text.range(of: "// @expect ") else { return nil }
        let words = text[r.upperBound...].split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        return VerdictExpectation(file: path, line: index + 1, property: words[0], verdict: words[1])
    }
}

func errorExpectations(in path: String) -> [ErrorExpectation] {
    fileLines(path).compactMap { text in
        guard let r = text.range(of: "@expect-error ") else { return nil }
        let rest = text[r.upperBound...]
        let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
        let position = parts[0].split(separator: ":").compactMap { Int($0) }
        guard position.count == 2 else { return nil }
        var message = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if message.hasPrefix("\""), let end = message.dropFirst().firstIndex(of: "\"") {
            message = String(message[message.index(after: message.startIndex)..<end])
        }
        return ErrorExpectation(line: position[0], column: position[1], message: message)
    }
}

/// The `vigil` executable that `swift test` builds beside the test bundle.
let vigilExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("vigil")

/// Runs the `vigil` executable (each contract in a process of its own, as users run it) from
/// the repository's folder; its standard output.
func runVigil(_ arguments: [String]) throws -> String {
    String(decoding: try runProcess(vigilExecutable, arguments, in: repositoryRoot).output, as: UTF8.self)
}

/// Runs `executable` with `arguments` (in `directory`, by default this process's); its exit
/// status and standard output, with standard error in it too when `mergingErrors`, or dropped.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil, mergingErrors: Bool = false)
    throws -> (status: Int32, output: Data)
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = mergingErrors ? pipe : FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}
