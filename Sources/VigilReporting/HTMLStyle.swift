extension HTMLReport {
    /// The page's only style sheet, inline: the report needs no other file and no script.
    static let styleSheet = """
        body { font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; margin: 2em auto; max-width: 70em; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
        h3 { font-size: 1.05em; margin-bottom: 0.3em; }
        code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        .verdict { font-weight: 600; padding: 0.05em 0.45em; border-radius: 0.3em; white-space: nowrap; }
        .v-violated { background: #fbd5d5; color: #8a1010; }
        .v-unknown, .v-vacuous, .v-unsatisfiable { background: #fdecc8; color: #7a4a00; }
        .v-holds, .v-proved, .v-satisfied { background: #d6f0d9; color: #14561f; }
        .summary { font-size: 1.1em; }
        .meta { color: #555; }
        ol.tree, ol.tree ol { list-style: none; padding-left: 1.4em; border-left: 2px solid #e2e2e2; }
        ol.tree { padding-left: 0.6em; }
        ol.tree li { margin: 0.15em 0; }
        .handover { color: #7a4a00; }
        .rule-call { font-weight: 600; }
        .rule-start { font-style: italic; }
        .warning { color: #7a4a00; }
        .changes { color: #14561f; }
        .event { color: #4b3a8a; }
        .reverts { color: #8a1010; }
        .lineref { color: #777; font-size: 0.85em; }
        pre.source { background: #fafafa; border: 1px solid #ddd; padding: 0.5em 0; overflow-x: auto; }
        pre.source span { display: block; padding: 0 0.8em; }
        pre.source .hit { background: #fff1a8; }
        pre.source .gap { color: #999; }
        .failure { background: #fbd5d5; padding: 0.4em 0.7em; border-radius: 0.3em; }
        """
}
