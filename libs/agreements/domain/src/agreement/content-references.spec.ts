import { agreementContentSchema } from './agreement-content';
import { assertKnownReferences } from './content-references';

const content = agreementContentSchema.parse({
  title: 't',
  services: ['email'],
  serviceTargets: [
    {
      serviceId: 'email',
      priority: 'P1',
      response: { duration: { unit: 'business-hours', amount: 1 }, calendarId: 'office' },
      resolution: { duration: { unit: 'business-hours', amount: 4 }, calendarId: '24x7' },
    },
  ],
  effectiveFrom: '2026-04-01T00:00:00Z',
});

describe('agreement references', () => {
  it('accepts content whose services and calendars exist', () => {
    expect(() => assertKnownReferences(content, new Set(['email']), new Set(['office', '24x7']))).not.toThrow();
  });

  it('refuses services missing from the catalogue and undefined calendars, naming them', () => {
    expect(() => assertKnownReferences(content, new Set(['vpn']), new Set(['office', '24x7']))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_SERVICE', message: expect.stringContaining('email') }),
    );
    expect(() => assertKnownReferences(content, new Set(['email']), new Set(['office']))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CALENDAR', message: expect.stringContaining('24x7') }),
    );
  });
});
