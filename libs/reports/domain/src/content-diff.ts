export type ContentChange = { readonly path: string; readonly before: unknown; readonly after: unknown };

function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) into.set(path, value);
    for (const [key, child] of entries) flatten(child, path ? `${path}.${key}` : key, into);
    return;
  }
  into.set(path, value);
}

/** What changed between two revisions' content, leaf by leaf (dotted paths), in path order. */
export function diffReportContent(before: unknown, after: unknown): ContentChange[] {
  const [left, right] = [new Map<string, unknown>(), new Map<string, unknown>()];
  flatten(before, '', left);
  flatten(after, '', right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.filter((path) => JSON.stringify(left.get(path)) !== JSON.stringify(right.get(path))).map((path) => ({ path, before: left.get(path) ?? null, after: right.get(path) ?? null }));
}
