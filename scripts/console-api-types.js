// The console's typed API client types, generated from the API's own OpenAPI document with openapi-typescript and
// formatted like the rest of the repository. The result is checked in (apps/console/src/api/schema.ts), and
// test/console/api-types.spec.ts fails when it differs from what the current document gives.
//
//   npm run console:api-types     (builds the API, then regenerates the file from dist)
//   node scripts/console-api-types.js --check document.json   (exit 1 when the file differs from that document's)
const path = require('node:path');
const { readFileSync, writeFileSync } = require('node:fs');

const workspaceRoot = path.resolve(__dirname, '..');
const schemaFile = path.join(workspaceRoot, 'apps/console/src/api/schema.ts');

async function generateApiTypes(document) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const prettier = require('prettier');
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: true });
  const header = '// Generated from /openapi.json by `npm run console:api-types`: do not edit.\n';
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(header + astToString(ast), { ...options, filepath: schemaFile });
}

module.exports = { generateApiTypes, schemaFile };

if (require.main === module && process.argv[2] === '--check') {
  // Node itself loads openapi-typescript's ES-module dependencies, which jest's module system cannot.
  generateApiTypes(JSON.parse(readFileSync(process.argv[3], 'utf8'))).then((text) => {
    const current = readFileSync(schemaFile, 'utf8');
    if (current === text) return console.log('apps/console/src/api/schema.ts matches the document');
    console.error('apps/console/src/api/schema.ts differs from the document: run npm run console:api-types');
    process.exit(1);
  });
} else if (require.main === module) {
  require('reflect-metadata');
  const { apiDocument } = require(path.join(workspaceRoot, 'dist/apps/api/src/openapi/openapi.controller.js'));
  generateApiTypes(apiDocument).then((text) => {
    writeFileSync(schemaFile, text);
    console.log(`wrote ${path.relative(process.cwd(), schemaFile)}`);
  });
}
