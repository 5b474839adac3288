import fc from 'fast-check';
import { matchesFilter, type RecordedEvent } from './event-store.port';
import { InvalidStreamNameError, streamCategory, streamId, streamName } from './stream-name';
import { LEGACY_STREAM_CATEGORIES, legacyStreamName } from './legacy-stream-names';

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const category = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join('_'));
const id = fc.string({ minLength: 1, maxLength: 40 });
const recorded = (name: string) => ({ streamName: name, type: 'Happened' }) as RecordedEvent;

describe('streamName', () => {
  it('given a multi-word category and an id with dashes, then the category and the id come back whole', () => {
    const name = streamName('service_report', 'vpn-2026-03');
    expect(name).toBe('service_report-vpn-2026-03');
    expect(streamCategory(name)).toBe('service_report');
    expect(streamId(name)).toBe('vpn-2026-03');
  });

  it('given any valid category and any non-empty id, then streamCategory and streamId invert streamName', () => {
    fc.assert(
      fc.property(category, id, (chosen, chosenId) => {
        const name = streamName(chosen, chosenId);
        expect(streamCategory(name)).toBe(chosen);
        expect(streamId(name)).toBe(chosenId);
      }),
    );
  });

  it.each([
    ['service-report', "'-'"],
    ['$ce', 'a system-stream prefix'],
    ['Ticket', 'upper case'],
    ['sla watch', 'a space'],
    ['', 'nothing'],
    ['_ticket', 'a leading _'],
    ['ticket_', 'a trailing _'],
    ['breach__follow', 'an empty word'],
    ['1ticket', 'a leading digit'],
  ])('refuses the category %p (%s)', (refused) => {
    expect(() => streamName(refused, 'x')).toThrow(InvalidStreamNameError);
    expect(() => streamName(refused, 'x')).toThrow(/stream category/);
  });

  it('refuses every category that contains a dash, wherever it stands', () => {
    fc.assert(
      fc.property(category, category, (left, right) => {
        expect(() => streamName(`${left}-${right}`, 'x')).toThrow(InvalidStreamNameError);
      }),
    );
  });

  it('refuses an empty id', () => {
    expect(() => streamName('ticket', '')).toThrow(/non-empty id/);
  });

  it('given categories where one is the first word of the other, then a category filter keeps them apart', () => {
    const report = recorded(streamName('service_report', 'r1'));
    const service = recorded(streamName('service', 'report-r1'));
    expect(matchesFilter(report, { streamCategories: ['service'] })).toBe(false);
    expect(matchesFilter(service, { streamCategories: ['service'] })).toBe(true);
    expect(matchesFilter(report, { streamCategories: ['service_report'] })).toBe(true);
    expect(matchesFilter(service, { streamCategories: ['service_report'] })).toBe(false);
  });
});

describe('legacy stream names', () => {
  it('are the names stored before issue 13, kept as history', () => {
    expect(LEGACY_STREAM_CATEGORIES).toEqual([
      { legacyPrefix: 'service-report-', category: 'service_report', eventTypePrefix: 'ServiceReport' },
      { legacyPrefix: 'report-definition-', category: 'report_definition' },
      { legacyPrefix: 'breach-follow-up-', category: 'breach_follow_up' },
      { legacyPrefix: 'sla-watch-', category: 'sla_watch' },
      { legacyPrefix: 'improvement-', category: 'improvement_plan' },
    ]);
  });

  it('map a renamed category back to its legacy name and leave every other name alone', () => {
    expect(legacyStreamName('service_report-vpn-2026-03')).toBe('service-report-vpn-2026-03');
    expect(legacyStreamName('breach_follow_up-0b9c')).toBe('breach-follow-up-0b9c');
    expect(legacyStreamName('improvement_plan-p1')).toBe('improvement-p1');
    expect(legacyStreamName('service-report-x')).toBeUndefined();
    expect(legacyStreamName('ticket-T1')).toBeUndefined();
  });
});
