import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The shipped build (`npm run build` → dist/) holds no test doubles or other testing/ code: the simulated
// EventStoreDB server, the conformance suite and the calendar builders are for tests only (issue 13, item 7).
const repositoryRoot = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const isTestCode = (file: string) =>
  file.split(path.sep).includes('testing') || /(simulated|fake|stub|mock)[^/]*$/i.test(path.basename(file));

describe('the shipped build', () => {
  let outDir: string;
  let built: string[];

  beforeAll(() => {
    // `npm run build` is the API's swc build (build:api) and then the console's vite build (dist/console).
    const scripts = JSON.parse(read('package.json')).scripts;
    expect(scripts.build).toContain('npm run build:api');
    const build: string = scripts['build:api'];
    expect(build).toContain(' -d dist ');
    outDir = mkdtempSync(path.join(tmpdir(), 'shipped-build-'));
    // The README's build command itself, writing to a fresh folder (dist/ may hold files of an older build).
    execFileSync('sh', ['-c', build.replace(' -d dist ', ` -d ${outDir} `)], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        PATH: `${path.join(repositoryRoot, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
      },
      stdio: 'pipe',
    });
    built = files(outDir).map((file) => path.relative(outDir, file));
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('contains no test doubles and no testing/ code', () => {
    expect(built).toContain(path.join('apps', 'api', 'src', 'main.js'));
    expect(built.filter(isTestCode)).toEqual([]);
  });

  it('still has every module its code requires (nothing shipped depends on testing/ code)', () => {
    const requires = built
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) =>
        [...readFileSync(path.join(outDir, file), 'utf8').matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map(
          ([, specifier]) => ({ file, target: path.join(path.dirname(file), specifier) }),
        ),
      );
    expect(requires.length).toBeGreaterThan(100);
    const resolves = (target: string) =>
      ['', '.js', '/index.js'].some((suffix) => existsSync(path.join(outDir, target + suffix)));
    const missing = requires.filter(({ target }) => !resolves(target)).map(({ file, target }) => `${file} → ${target}`);
    expect(missing).toEqual([]);
  });

  it('is built the same way by Nx, and no production index exports testing/ code', () => {
    const nxBuild: string = JSON.parse(read('nx.json')).targetDefaults.build.command;
    expect(nxBuild).toContain('--ignore "**/testing/**"');
    const indexes = ['apps', 'libs']
      .flatMap((folder) => files(path.join(repositoryRoot, folder)))
      .filter((file) => path.basename(file) === 'index.ts' && !isTestCode(path.dirname(file)));
    const exportingTestCode = indexes.filter((file) => /from '[^']*\/testing(\/|')/.test(readFileSync(file, 'utf8')));
    expect(exportingTestCode).toEqual([]);
  });
});
