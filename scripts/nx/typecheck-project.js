// Type-checks the files of one project (its sources and specs) with the root tsconfig.json, so Nx can cache the
// result per project: `nx affected -t typecheck`. `npm run typecheck` still checks the whole workspace at once.
//
//   node scripts/nx/typecheck-project.js libs/event-sourcing
const path = require('node:path');
const ts = require('typescript');

const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: node scripts/nx/typecheck-project.js <project root>');
  process.exit(2);
}
const workspaceRoot = path.resolve(__dirname, '../..');
const configPath = path.join(workspaceRoot, 'tsconfig.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, workspaceRoot);
const projectFolder = path.join(workspaceRoot, projectRoot) + path.sep;
const projectFiles = parsed.fileNames.filter((file) => path.resolve(file).startsWith(projectFolder));

const program = ts.createProgram(projectFiles, parsed.options);
const diagnostics = [
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...projectFiles.flatMap((file) => {
    const source = program.getSourceFile(file);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  }),
];
if (diagnostics.length > 0) {
  const host = {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => workspaceRoot,
    getNewLine: () => '\n',
  };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
console.log(`${projectRoot}: ${projectFiles.length} files type-check`);
