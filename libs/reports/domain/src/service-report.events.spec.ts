import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EventCatalog, EventSchemaViolationError, type RecordedEvent } from '@sla/event-sourcing';
import { ReportContent } from './report-content';
import { reportContentHash, serviceReportEventDefinitions } from './service-report.decider';

const catalog = new EventCatalog(serviceReportEventDefinitions);

/** Service report events as the v1 code stored them (dumped from real e2e runs before content had a schema). */
function storedFixture(): RecordedEvent[] {
  const raw: (Omit<RecordedEvent, 'streamRevision' | 'position' | 'recordedAt'> & {
    streamRevision: string;
    recordedAt: string;
  })[] = JSON.parse(readFileSync(path.join(__dirname, '../test-fixtures/service-report-events.v1.json'), 'utf8'));
  return raw.map((event, index) => ({
    ...event,
    streamRevision: BigInt(event.streamRevision),
    position: { commit: BigInt(index + 1), prepare: BigInt(index + 1) },
    recordedAt: new Date(event.recordedAt),
  }));
}

const storedDrafts = () => storedFixture().filter((event) => event.type === 'ServiceReportDrafted');
const contentOf = (event: RecordedEvent) => (event.data as { content: Record<string, unknown> }).content;

describe('ServiceReportDrafted schema versions', () => {
  it('upcasts every stored v1 draft to v2 with its content unchanged, so its recorded hash still holds', () => {
    const drafts = storedDrafts();
    expect(drafts.length).toBeGreaterThan(5);
    for (const stored of drafts) {
      expect(stored.schemaVersion).toBe(1);
      const upcast = catalog.upcast(stored);
      expect(upcast.schemaVersion).toBe(2);
      expect(upcast.data).toEqual(stored.data);
      const { content, contentHash } = upcast.data as { content: ReportContent; contentHash: string };
      expect(reportContentHash(content)).toBe(contentHash);
    }
  });

  it('finds every section the v1 code drafted in the fixture, each read through the typed schema', () => {
    const sections = new Set(storedDrafts().flatMap((stored) => Object.keys(contentOf(stored))));
    for (const key of Object.keys(ReportContent.shape)) expect([key, sections.has(key)]).toEqual([key, true]);
  });

  it('reads the other stored report events as they are', () => {
    for (const stored of storedFixture().filter((event) => event.type !== 'ServiceReportDrafted'))
      expect(catalog.upcast(stored)).toEqual(stored);
  });

  it('refuses a stored v1 content that is not a report content, naming the field', () => {
    const [stored] = storedDrafts();
    const content = contentOf(stored);
    const broken = { ...stored, data: { ...(stored.data as object), content: { ...content, breaches: 2 } } };
    expect(() => catalog.upcast(broken)).toThrow(EventSchemaViolationError);
    expect(() => catalog.upcast(broken)).toThrow(/data\.content\.breaches/);
  });

  it('refuses to append a draft whose content has a field the schema does not know, naming it', () => {
    const [stored] = storedDrafts();
    const content = { ...contentOf(stored), downtimeMs: 5 };
    const draft = { id: stored.id, type: stored.type, schemaVersion: 2, metadata: stored.metadata };
    expect(() => catalog.prepareForAppend({ ...draft, data: { ...(stored.data as object), content } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'data.content' })] }),
    );
    expect(catalog.prepareForAppend({ ...draft, data: stored.data }).schemaVersion).toBe(2);
  });
});
