import { existsSync } from 'node:fs';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');

/** Path of a compiled entry point; process tests run the real build, as production does. */
export function builtEntryPoint(app: 'api' | 'projector' | 'cli'): string {
  const entry = path.join(repositoryRoot, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
  return entry;
}
