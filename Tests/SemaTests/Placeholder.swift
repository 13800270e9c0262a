import Testing

@Suite struct SemaTestsPlaceholder {}
