import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../support/built-app';

/**
 * `npm run lint` starts with the formatter check. This runs that very command (taken from package.json, not
 * retyped) in a scratch folder holding the repository's formatter settings, so a change to the script or to the
 * settings that stops it catching an unformatted file fails here.
 */
describe('npm run lint checks formatting', () => {
  const lintScript: string = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')).scripts.lint;
  const formatterCheck = lintScript.split('&&')[0].trim();
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'sla-format-'));
    for (const settings of ['.prettierrc.json', '.prettierignore']) {
      copyFileSync(path.join(repositoryRoot, settings), path.join(folder, settings));
    }
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const runCheck = () =>
    execFileSync('bash', ['-c', formatterCheck], {
      cwd: folder,
      env: { ...process.env, PATH: `${path.join(repositoryRoot, 'node_modules/.bin')}:${process.env.PATH}` },
      encoding: 'utf8',
      stdio: 'pipe',
    });

  it('is the first step of the lint script', () => {
    expect(formatterCheck).toMatch(/^prettier --check \./);
  });

  it('fails on an unformatted file, naming it, and passes once it is formatted', () => {
    writeFileSync(path.join(folder, 'unformatted.ts'), 'export const answer = {a:1,  b : "two"}\n');
    let failure: { status?: number; stdout?: string; stderr?: string } = {};
    try {
      runCheck();
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).not.toBe(0);
    expect(`${failure.stdout}${failure.stderr}`).toContain('unformatted.ts');

    writeFileSync(path.join(folder, 'unformatted.ts'), "export const answer = { a: 1, b: 'two' };\n");
    expect(() => runCheck()).not.toThrow();
  });

  it('wraps code at 120 characters', () => {
    const longCall = `export const total = sum(${Array.from({ length: 30 }, (_, index) => `value${index}`).join(', ')});\n`;
    writeFileSync(path.join(folder, 'long.ts'), longCall);
    execFileSync(path.join(repositoryRoot, 'node_modules/.bin/prettier'), ['--write', 'long.ts'], { cwd: folder });
    const lines = readFileSync(path.join(folder, 'long.ts'), 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(120);
  });
});
