import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

type Request = { method: string; path: string; headers: { accept?: string | undefined } };
type Response = {
  setHeader(name: string, value: string): void;
  type(contentType: string): void;
  send(body: string): void;
  sendFile(path: string, options: { cacheControl: boolean; lastModified: boolean }): void;
};

/** Vite names every file under assets/ by its content hash: a changed file is a new URL, so it may be kept a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>SLA compliance engine</title></head>
  <body>
    <h1>The console is not built</h1>
    <p>This API runs without its web console: <code>npm run build</code> builds it into dist/console
    (<code>npm start</code> does so), or run <code>npm run console:dev</code> for the development server.
    The API itself answers as usual; its reference is at <a href="/docs">/docs</a>.</p>
  </body>
</html>
`;

/**
 * The built console (dist/console): beside the compiled API in dist, or under dist when the API runs from its
 * sources (the tests). Null when it was not built.
 */
export function builtConsoleFolder(): string | null {
  const root = resolve(__dirname, '../../../..');
  for (const candidate of [join(root, 'console'), join(root, 'dist', 'console')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

function filesUnder(folder: string): Set<string> {
  const files = new Set<string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.add(relative(folder, path).split('\\').join('/'));
    }
  };
  walk(folder);
  return files;
}

/**
 * Serves the console beside the API: its files by name, and index.html for any other page a browser asks for (a GET
 * that accepts text/html) so console routes can be bookmarked. A path whose first segment is one of the API's stays
 * the API's, whatever it accepts: an unknown API path keeps its JSON 404. Only the files found at start are served,
 * so a request path never reaches the file system.
 */
export function consoleFiles(folder: string | null, apiPaths: readonly string[]) {
  const apiSegments = new Set(apiPaths.map((path) => path.split('/')[1]).filter(Boolean));
  const files = folder ? filesUnder(folder) : new Set<string>();
  return (request: Request, response: Response, next: () => void) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const first = request.path.split('/')[1] ?? '';
    if (apiSegments.has(first)) return next();
    const file = request.path.slice(1);
    if (folder && file !== 'index.html' && files.has(file)) {
      response.setHeader('Cache-Control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
      return response.sendFile(join(folder, file), { cacheControl: false, lastModified: false });
    }
    const page = request.path === '/' || (request.headers.accept ?? '').includes('text/html');
    if (!page) return next();
    // index.html names the current hashed assets: revalidated on every visit.
    response.setHeader('Cache-Control', 'no-cache');
    if (!folder) {
      response.type('text/html; charset=utf-8');
      return response.send(NOT_BUILT);
    }
    response.sendFile(join(folder, 'index.html'), { cacheControl: false, lastModified: false });
  };
}
