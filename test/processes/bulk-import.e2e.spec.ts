import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/test-api';
import { builtEntryPoint, eventually, httpClient, startNodeProcess } from '@sla/test-support';

/** `sla import` as an operator runs it: the built CLI, a real file, the product's PostgreSQL. */
describe('sla CLI: bulk import of CSV and NDJSON files', () => {
  let api: TestApi;
  let directory: string;

  beforeAll(async () => {
    api = await startTestApi('bulk_import');
    const http = httpClient(api.baseUrl, { 'x-actor': 'service-owner' });
    for (const serviceId of ['email', 'vpn']) {
      await http.post('/services', { serviceId, name: serviceId, owner: { name: 'Li Wei' }, changeRequest: 'CR-1' });
      await eventually(async () => ((await http.get(`/services/${serviceId}`)).status === 200 ? true : undefined));
    }
    directory = mkdtempSync(path.join(tmpdir(), 'sla-import-'));
  });
  afterAll(async () => {
    await api?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const importFile = (...args: string[]) =>
    startNodeProcess(builtEntryPoint('cli'), ['import', ...args], { DATABASE_URL: api.databaseUrl });
  async function run(...args: string[]) {
    const cli = importFile(...args);
    const exit = await cli.exited;
    return { code: exit.code, output: cli.output() };
  }

  async function eventCounts(): Promise<Record<string, number>> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ kind: string; count: string }>(
      `select split_part(stream_name, '-', 1) as kind, count(*) from event_store.events where stream_name ~ '^(ticket|outage|maintenance)-' group by 1`,
    );
    await client.end();
    return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
  }

  const rejectsOf = (file: string) =>
    readFileSync(`${file}.rejects.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { line: number; code: string; reason: string });

  it('imports a CSV file, reports every rejected row with its line and reason, and stores nothing twice when run again', async () => {
    const file = path.join(directory, 'march.csv');
    writeFileSync(
      file,
      [
        'record,id,source,externalId,type,occurredAt,serviceId,ticketType,priority,impact,major,title,resolution,weight',
        'ticket,INC-1,servicenow,e1,TicketOpened,2026-03-09T09:00:00+01:00,email,incident,P2,high,false,Mail down,,',
        'ticket,INC-1,servicenow,e2,TicketAcknowledged,2026-03-09T09:10:00+01:00,,,,,,,,',
        'ticket,INC-2,servicenow,e3,TicketOpened,2026-03-09T10:00:00+01:00,email,incident,P1,high,true,"Relay ""mx2""',
        'rejects every message",,',
        'ticket,INC-3,servicenow,e4,TicketOpened,2026-03-09T10:00:00,email,incident,P3,low,false,No offset,,',
        'ticket,INC-4,servicenow,e5,TicketOpened,2026-03-09T10:00:00Z,payroll,incident,P3,low,false,Unknown service,,',
        'ticket,INC-1,servicenow,e6,TicketTeleported,2026-03-09T10:00:00Z,,,,,,,,',
        'ticket,INC-1,servicenow,e7',
        'ticket,INC-1,servicenow,e8,TicketResolved,2026-03-09T11:00:00+01:00,,,,,,,relay restarted,',
        'ticket,INC-9,servicenow,e9,TicketResolved,2026-03-09T11:00:00+01:00,,,,,,,guess,',
        'ticket,INC-1,servicenow,e10,TicketResolved,2026-03-09T11:30:00+01:00,,,,,,,relay\u0000again,',
        '',
        'outage,OUT-1,statuspage,o1,OutageStarted,2026-03-10T07:00:00Z,vpn,,,partial,,,,0.5',
        'outage,OUT-1,statuspage,o2,OutageEnded,2026-03-10T06:00:00Z,,,,,,,,',
        '',
      ].join('\n'),
    );
    const first = await run(file);
    expect(first.output).toMatch(/rows: 12, stored: 5, duplicates: 0, rejected: 7/);
    expect(first.code).toBe(2);
    expect(rejectsOf(file).map(({ line, code }) => [line, code])).toEqual([
      [6, 'VALIDATION_FAILED'],
      [7, 'UNKNOWN_SERVICE'],
      [8, 'VALIDATION_FAILED'],
      [9, 'UNREADABLE_ROW'],
      [11, 'TICKET_NOT_FOUND'],
      [12, 'VALIDATION_FAILED'],
      [15, 'END_BEFORE_START'],
    ]);
    expect(rejectsOf(file)[0].reason).toMatch(/data\.occurredAt/);
    expect(rejectsOf(file)[2].reason).toMatch(/^type: not a ticket fact/);
    expect(rejectsOf(file)[3].reason).toMatch(/has 4 fields, the header has 14/);
    expect(await eventCounts()).toEqual({ ticket: 4, outage: 1 });

    const again = await run(file);
    expect(again).toMatchObject({
      code: 2,
      output: expect.stringMatching(/rows: 12, stored: 5, duplicates: 0, rejected: 7/),
    });
    const restarted = await run(file, '--restart');
    expect(restarted.output).toMatch(/rows: 12, stored: 0, duplicates: 5, rejected: 7/);
    expect(rejectsOf(file)).toHaveLength(7);
    expect(rejectsOf(file)[5].reason).toBe('data.resolution: contains the character U+0000, which cannot be stored');
    expect(await eventCounts()).toEqual({ ticket: 4, outage: 1 });
    const ticket = await eventually(async () => {
      const response = await fetch(`${api.baseUrl}/tickets/INC-2`);
      return response.ok ? ((await response.json()) as { title: string; major: boolean }) : undefined;
    });
    expect(ticket).toMatchObject({ title: 'Relay "mx2"\nrejects every message', major: true });
  }, 60_000);

  it('resumes after being killed or interrupted, and stores every fact exactly once', async () => {
    const file = path.join(directory, 'bulk.ndjson');
    const tickets = 2_000;
    const lines: string[] = [];
    for (let index = 0; index < tickets; index += 1) {
      const id = `BULK-${index}`;
      const opened = new Date(Date.UTC(2026, 2, 1) + index * 60_000).toISOString();
      const acknowledged = new Date(Date.UTC(2026, 2, 1) + index * 60_000 + 5 * 60_000).toISOString();
      lines.push(
        JSON.stringify({
          record: 'ticket',
          id,
          externalId: `${id}/open`,
          type: 'TicketOpened',
          data: {
            ticketType: 'service-request',
            serviceId: 'email',
            priority: 'P4',
            impact: 'low',
            major: false,
            title: `Request ${index}`,
            occurredAt: opened,
          },
        }),
      );
      lines.push(
        JSON.stringify({
          record: 'ticket',
          id,
          externalId: `${id}/ack`,
          type: 'TicketAcknowledged',
          data: { occurredAt: acknowledged },
        }),
      );
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const statePath = `${file}.import-state.json`;
    const savedLine = () =>
      existsSync(statePath)
        ? (JSON.parse(readFileSync(statePath, 'utf8')) as { line: number; completed: boolean })
        : { line: 0, completed: false };

    // Killed without warning once a few chunks are saved.
    const killed = importFile(file, '--concurrency', '4');
    await eventually(async () => (savedLine().line >= 1_000 ? true : undefined), 60_000);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const afterKill = savedLine();
    expect(afterKill.completed).toBe(false);

    // Interrupted politely: stops after its chunk, exit code 130.
    const interrupted = importFile(file, '--concurrency', '4');
    await eventually(async () => (savedLine().line > afterKill.line ? true : undefined), 60_000);
    interrupted.child.kill('SIGINT');
    const interruptedExit = await interrupted.exited;
    expect(interruptedExit.code).toBe(130);
    expect(interrupted.output()).toMatch(new RegExp(`interrupted .* \\(resumed after line ${afterKill.line}\\)`));

    const finished = await run(file);
    expect(finished.code).toBe(0);
    expect(finished.output).toMatch(/resumed after line \d+/);
    expect(finished.output).toMatch(/no rejected rows/);
    expect(savedLine()).toMatchObject({ line: tickets * 2, completed: true });
    const counts = await eventCounts();
    expect(counts.ticket - 4).toBe(tickets * 2);
  }, 120_000);
  it('answers each fact of one record as delivering them one by one would: redeliveries, conflicts, refusals', async () => {
    const file = path.join(directory, 'one-record.ndjson');
    const fact = (externalId: string, type: string, data: Record<string, unknown>) =>
      JSON.stringify({ record: 'ticket', id: 'SAME-1', source: 'itsm', externalId, type, data });
    const opened = {
      ticketType: 'incident',
      serviceId: 'email',
      priority: 'P2',
      impact: 'high',
      major: false,
      title: 'Mail slow',
      occurredAt: '2026-03-11T09:00:00Z',
    };
    writeFileSync(
      file,
      [
        fact('s1', 'TicketResolved', { resolution: 'too early', occurredAt: '2026-03-11T08:00:00Z' }),
        fact('s2', 'TicketOpened', opened),
        fact('s3', 'TicketAcknowledged', { occurredAt: '2026-03-11T09:05:00Z' }),
        fact('s3', 'TicketAcknowledged', { occurredAt: '2026-03-11T10:05:00+01:00' }),
        fact('s3', 'TicketAcknowledged', { occurredAt: '2026-03-11T09:06:00Z' }),
        fact('s4', 'TicketResolved', { resolution: 'queue drained', occurredAt: '2026-03-11T09:40:00Z' }),
        fact('s5', 'TicketAcknowledged', { occurredAt: '2099-01-01T00:00:00Z' }),
        fact('s2', 'TicketOpened', opened),
        '',
      ].join('\n'),
    );
    const first = await run(file);
    expect(first.output).toMatch(/rows: 8, stored: 3, duplicates: 2, rejected: 3/);
    expect(rejectsOf(file).map(({ line, code }) => [line, code])).toEqual([
      [1, 'TICKET_NOT_FOUND'],
      [5, 'DELIVERY_CONFLICT'],
      [7, 'OCCURRED_AT_IN_FUTURE'],
    ]);
    const again = await run(file, '--restart');
    expect(again.output).toMatch(/rows: 8, stored: 0, duplicates: 5, rejected: 3/);
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ event_type: string }>(
      `select event_type from event_store.events where stream_name = 'ticket-SAME-1' order by stream_revision`,
    );
    await client.end();
    expect(rows.map(({ event_type }) => event_type)).toEqual(['TicketOpened', 'TicketAcknowledged', 'TicketResolved']);
  }, 60_000);
});
