import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiDocument } from '../../apps/api/src/openapi/openapi.controller';

/** The console's client types are the API's document: a route changed without regenerating them fails here. */
describe("the console's generated API types", () => {
  it('are what openapi-typescript makes of the current /openapi.json (regenerate: npm run console:api-types)', () => {
    const document = path.join(mkdtempSync(path.join(tmpdir(), 'sla-api-types-')), 'openapi.json');
    writeFileSync(document, JSON.stringify(apiDocument));
    const script = path.join(__dirname, '../../scripts/console-api-types.js');
    // Throws with the script's message when the checked-in file differs.
    const output = execFileSync(process.execPath, [script, '--check', document], { encoding: 'utf8' });
    expect(output).toContain('matches the document');
  });
});
