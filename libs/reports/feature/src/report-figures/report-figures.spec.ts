import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { ReportFigures } from '@sla/reports-domain';
import type { ServiceReportTables } from '../service-reports.projection';
import { reportFigures, type ReportReaders } from './report-figures';

const availabilityRow = {
  serviceId: 'email',
  version: 1,
  period: 'month',
  calendarId: 'office-berlin',
  from: '2026-02-28T23:00:00.000Z',
  to: '2026-03-31T22:00:00.000Z',
  measuredUntil: '2026-03-31T22:00:00.000Z',
  availabilityPercent: '98.295454',
  targetPercentage: 99.5,
  targetMet: false,
  agreedServiceTime: 633_600_000,
  downtime: 10_800_000,
  excludedMaintenanceDowntime: 3_600_000,
  maintenanceTime: 7_200_000,
  remainingDowntimeBudget: -7_632_000,
  failures: 3,
  meanTimeToRestore: 6_600_000,
  meanTimeBetweenFailures: 207_600_000,
  contributions: [{ outageId: 'O1', downtime: 5_400_000, excluded: 0 }],
};
const complianceRow = {
  serviceId: 'email',
  priority: 'P1',
  metric: 'response',
  tickets: 2,
  met: 1,
  breached: 1,
  open: 0,
  percentWithinTarget: '50.0000',
  medianElapsedMs: 1_950_000,
  p90ElapsedMs: 2_550_000,
};

/** Readers as the compliance views might answer one day: every row with a field reports does not record. */
function readersWithNewViewFields(): ReportReaders {
  const later = { uptimeStreakDays: 12 };
  return {
    compliance: {
      versionsInForce: async () => [1],
      responseResolution: async () => [{ ...complianceRow, ...later }],
      availability: async () => [{ ...availabilityRow, ...later }],
      breaches: async () => [],
      followUps: async () => [],
      kpiSummary: async () => [],
    },
    agreements: { approvedAgreement: async () => undefined },
    improvementPlans: { plansOf: async () => [] },
  };
}

describe('report figures', () => {
  // Never connected: the sections asked for here read no table of the reports context.
  const db = new Kysely<ServiceReportTables>({ dialect: new PostgresDialect({ pool: new Pool() }) });

  it('record only the fields ReportContent declares, whatever else a compliance view answers with', async () => {
    const figures = await reportFigures(readersWithNewViewFields(), db).figuresFor({
      agreementId: 'email-sla',
      period: '2026-03',
      timeZone: 'Europe/Berlin',
      audience: 'customer',
      sections: ['availability', 'targets'],
      trendPeriods: 1,
    });
    expect(figures.availability).toEqual([availabilityRow]);
    expect(figures.responseResolution).toEqual([{ ...complianceRow, target: null }]);
    expect(ReportFigures.safeParse(figures).success).toBe(true);
  });
});
