import { isStreamCategory, matchesFilter, streamCategory, type RecordedEvent } from '@sla/event-sourcing';
import { serviceCalendarStreamName, serviceStreamName } from '@sla/catalogue-domain';
import { agreementStreamName, improvementPlanStreamName, reviewStreamName } from '@sla/agreements-domain';
import { maintenanceWindowStreamName, outageStreamName, ticketStreamName } from '@sla/operations-domain';
import { breachFollowUpStreamName, slaDetectionStreamName } from '@sla/compliance-domain';
import { reportDefinitionStreamName, serviceReportStreamName } from '@sla/reports-domain';
import { apiKeyStreamName } from '@sla/access-control';
import { accessStreamName } from '@sla/access-control';

/** Every stream the product writes, by the category it must fall into (issue 13, defect 2). */
const productStreams: Record<string, (id: string) => string> = {
  service: serviceStreamName,
  calendar: serviceCalendarStreamName,
  agreement: agreementStreamName,
  review: reviewStreamName,
  improvement_plan: improvementPlanStreamName,
  ticket: ticketStreamName,
  outage: outageStreamName,
  maintenance: maintenanceWindowStreamName,
  sla_watch: slaDetectionStreamName,
  breach_follow_up: breachFollowUpStreamName,
  report_definition: reportDefinitionStreamName,
  service_report: serviceReportStreamName,
  api_key: apiKeyStreamName,
  access: accessStreamName,
};

describe('the product stream names', () => {
  // Ids with dashes, like the slugs and dated report ids the product stores.
  const id = 'email-sla-2026-03-r1';

  it.each(Object.entries(productStreams))('%s streams fall into that whole category', (category, nameOf) => {
    expect(isStreamCategory(category)).toBe(true);
    expect(streamCategory(nameOf(id))).toBe(category);
    expect(nameOf(id)).toBe(`${category}-${id}`);
  });

  it('given a filter on one category, then no other context’s stream matches it', () => {
    for (const category of Object.keys(productStreams)) {
      for (const [other, otherNameOf] of Object.entries(productStreams)) {
        const event = { streamName: otherNameOf(id), type: 'Happened' } as RecordedEvent;
        expect([other, matchesFilter(event, { streamCategories: [category] })]).toEqual([other, other === category]);
      }
    }
  });
});
