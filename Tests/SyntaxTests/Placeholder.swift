import Testing

@Suite struct SyntaxTestsPlaceholder {}
