import Testing

@Suite struct SMTTestsPlaceholder {}
