import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readImportRows, type ImportRow } from './import-rows';

async function rowsOf(csv: string): Promise<ImportRow[]> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-import-rows-')), 'facts.csv');
  writeFileSync(file, csv);
  const rows: ImportRow[] = [];
  for await (const row of readImportRows(file, 'csv', 'import')) rows.push(row);
  return rows;
}

describe('CSV import rows', () => {
  it('nests dotted columns into the data of the row', async () => {
    const [row] = await rowsOf(
      'record,id,externalId,type,schedule.kind,title\nticket,INC-1,e-1,TicketOpened,weekly,Mail down\n',
    );
    const data = { schedule: { kind: 'weekly' }, title: 'Mail down' };
    expect(row).toMatchObject({ kind: 'ticket', id: 'INC-1', delivery: { source: 'import', data } });
  });

  it('turns columns named like built-in properties into plain fields, never into prototypes', async () => {
    const header = 'record,id,externalId,type,__proto__.polluted,constructor.prototype.polluted,toString';
    const [row] = await rowsOf(`${header}\nticket,INC-1,e-1,TicketOpened,yes,yes,no\n`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const data = (row as { delivery: { data: Record<string, unknown> } }).delivery.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    // zod's record parsing leaves a `__proto__` key out; the others reach the event schema, which refuses them.
    expect(Object.keys(data).sort()).toEqual(['constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(data, 'constructor')?.value).toEqual({ prototype: { polluted: 'yes' } });
    expect(data.toString).toBe('no');
  });
});
