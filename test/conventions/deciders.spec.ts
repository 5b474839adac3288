import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// House rules for deciders (issue 13, item 7): a decider lives in a file named `*.decider.ts`, and its tests state
// given/when/then through the one shared helper (libs/event-sourcing/src/testing/decider-spec.ts).
const repositoryRoot = path.resolve(__dirname, '../..');

function typeScriptFiles(folder: string): string[] {
  return readdirSync(path.join(repositoryRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

const sources = ['apps', 'libs'].flatMap(typeScriptFiles);
const read = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');
const declaresDecider = /export const \w+\s*:\s*Decider\s*</;
// A decider's own methods called in a test, or its initial state folded by hand.
const usesDeciderDirectly = /\b\w+Decider\.(decide|evolve|initialState)\b/;

describe('deciders', () => {
  it('live in files named *.decider.ts', () => {
    const misnamed = sources.filter(
      (file) => !file.endsWith('.spec.ts') && declaresDecider.test(read(file)) && !file.endsWith('.decider.ts'),
    );
    expect(misnamed).toEqual([]);
  });

  it('are tested through the shared given/when/then helper', () => {
    const specs = sources.filter((file) => file.endsWith('.spec.ts'));
    const deciderSpecs = specs.filter((file) => file.endsWith('.decider.spec.ts'));
    expect(deciderSpecs.length).toBeGreaterThan(0);
    expect(deciderSpecs.filter((file) => !read(file).includes('deciderSpec('))).toEqual([]);
    expect(specs.filter((file) => usesDeciderDirectly.test(read(file)))).toEqual([]);
  });
});
