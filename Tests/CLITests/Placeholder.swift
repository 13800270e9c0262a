import Testing

@Suite struct CLITestsPlaceholder {}
