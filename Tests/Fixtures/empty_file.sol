// A file with nothing in it but comments: no contract, interface or spec;
// reported at the start of the file.
// @expect-error 1:1 "no deployable contract"
