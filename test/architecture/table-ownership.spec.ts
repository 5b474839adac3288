import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

/**
 * Each context owns its read-model tables: only the library folder that migrates a table (libs/<context>/…) may
 * name it in production code. Other contexts read through the typed readers the owner exports
 * (e.g. @sla/catalogue-read-models). The table list comes from the `*.migration.ts` files, so a new table is covered
 * the moment it is migrated. Tests may inspect any table to prove behaviour, so `*.spec.ts` files are not scanned.
 */

const root = join(__dirname, '..', '..');

/** Kysely builder calls whose first argument names a table (`'table'` or `'table as alias'`, or a list of them). */
const tableArgumentCalls = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'mergeInto',
  'replaceInto',
  'createTable',
  'alterTable',
  'dropTable',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path.split(sep).join('/')] : [];
  });
}

/** The owning library folder of a file: libs/<context> for a context's libraries, apps/<app> for an app. */
function ownerOf(file: string): string {
  return file.split('/').slice(0, 2).join('/');
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function tableNameOf(literal: string): string {
  return literal.trim().split(/\s+as\s+/i)[0];
}

/** Every table a migration creates, with the library that owns it. */
export function migratedTables(files: readonly string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((candidate) => candidate.endsWith('.migration.ts'))) {
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'createTable' &&
        node.arguments[0] &&
        ts.isStringLiteralLike(node.arguments[0])
      ) {
        owners.set(tableNameOf(node.arguments[0].text), ownerOf(file));
      }
      if (ts.isTemplateLiteral(node) || ts.isStringLiteralLike(node)) {
        const text = ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
          : node.text;
        for (const match of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?(?:\w+\.)?(\w+)/gi))
          owners.set(match[1], ownerOf(file));
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  return owners;
}

export type TableUse = { file: string; line: number; table: string; owner: string };

function escaped(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where a file names a table it does not own: as a Kysely builder argument, a `table.column` reference, a raw SQL
 * `from/join/into/update/table <name>`, or a key of a table type (`{ ticket: TicketTable }`). A bare word in a
 * string is not a use: 'ticket' is also a stream category, 'agreement_version' also a CSV column.
 */
export function foreignTableUses(file: string, source: ts.SourceFile, owners: Map<string, string>): TableUse[] {
  const owner = ownerOf(file);
  const foreign = [...owners].filter(([, tableOwner]) => tableOwner !== owner);
  const uses: TableUse[] = [];
  const record = (node: ts.Node, table: string) =>
    uses.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      table,
      owner: owners.get(table)!,
    });
  const patterns = foreign.map(([table]) => {
    const name = escaped(table);
    return {
      table,
      inText: new RegExp(`\\b(?:from|join|into|update|table)\\s+(?:\\w+\\.)?${name}\\b|^${name}\\.\\w+$`, 'i'),
    };
  });
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      tableArgumentCalls.has(node.expression.name.text)
    ) {
      const argument = node.arguments[0];
      const literals = argument && ts.isArrayLiteralExpression(argument) ? argument.elements : [argument];
      for (const literal of literals) {
        if (literal && ts.isStringLiteralLike(literal)) {
          const table = tableNameOf(literal.text);
          if (owners.has(table) && owners.get(table) !== owner) record(literal, table);
        }
      }
    } else if (
      ts.isStringLiteralLike(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      for (const { table, inText } of patterns) if (inText.test(node.text)) record(node, table);
    } else if (
      ts.isPropertySignature(node) &&
      node.type &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
    ) {
      const table = node.name.text;
      const typeName = node.type.getText(source);
      if (owners.has(table) && owners.get(table) !== owner && (table.includes('_') || /(Table|Row)s?\b/.test(typeName)))
        record(node, table);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('each context owns its tables', () => {
  const files = [...sourceFiles('libs'), ...sourceFiles('apps')];
  const owners = migratedTables(files);
  const productionFiles = files.filter((file) => !file.endsWith('.spec.ts'));
  const uses = productionFiles.flatMap((file) => foreignTableUses(file, parse(file), owners));

  it('derives the tables and their owners from the migrations', () => {
    expect(owners.get('service_calendar')).toBe('libs/catalogue');
    expect(owners.get('agreement')).toBe('libs/agreements');
    expect(owners.get('ticket_sla_status')).toBe('libs/compliance');
    expect(owners.get('service_report_revision')).toBe('libs/reports');
    expect(owners.size).toBeGreaterThanOrEqual(25);
  });

  it('finds a foreign table however the code names it', () => {
    const source = ts.createSourceFile(
      'libs/agreements/feature/src/x.ts',
      [
        `db.selectFrom('service_catalogue as s').innerJoin('ticket', 'ticket.id', 's.id');`,
        'sql`select 1 from outage o`;',
        `type Tables = { maintenance_window: Row; ticket: TicketTable };`,
        `const kind = 'ticket'; const category = 'outage';`,
        `db.selectFrom('agreement');`,
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    const found = foreignTableUses('libs/agreements/feature/src/x.ts', source, owners)
      .map(({ line, table }) => `${line}:${table}`)
      .sort();
    expect(found).toEqual([
      '1:service_catalogue',
      '1:ticket',
      '1:ticket',
      '2:outage',
      '3:maintenance_window',
      '3:ticket',
    ]);
  });

  it('names no table outside its owning library ', () => {
    const offences = uses.map(({ file, line, table, owner }) => `${file}:${line} uses ${table} (owned by ${owner})`);
    expect(offences).toEqual([]);
  });
});
