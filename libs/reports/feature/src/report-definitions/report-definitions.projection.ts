import type { Transaction } from 'kysely';
import type { RecordedEvent } from '@sla/event-sourcing';
import type { Projection } from '@sla/projection-runtime';
import type { ReportDefinitionEvent, ReportDefinitionTerms } from '@sla/reports-domain';

export type ReportDefinitionTables = {
  report_definition: {
    definition_id: string;
    agreement_id: string;
    terms: ReportDefinitionTerms;
    recorded_by: string;
    recorded_at: Date;
    retired_at: Date | null;
    retirement_reason: string | null;
  };
};

/** Report definitions with their current terms. Applying an event twice gives the same row. */
export const reportDefinitionsProjection: Projection<ReportDefinitionTables> = {
  name: 'report-definitions',
  version: 1,
  handles: ['ReportDefinitionRecorded', 'ReportDefinitionRetired'],
  tables: ['report_definition'],
  async apply(transaction: Transaction<ReportDefinitionTables>, events: readonly RecordedEvent[]) {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ReportDefinitionEvent;
      if (event.type === 'ReportDefinitionRecorded') {
        const row = {
          agreement_id: event.data.terms.agreementId,
          terms: JSON.stringify(event.data.terms) as never,
          recorded_by: event.data.recordedBy,
          recorded_at: new Date(event.data.occurredAt),
        };
        await transaction
          .insertInto('report_definition')
          .values({ definition_id: event.data.definitionId, ...row, retired_at: null, retirement_reason: null })
          .onConflict((conflict) => conflict.column('definition_id').doUpdateSet(row))
          .execute();
      } else {
        await transaction
          .updateTable('report_definition')
          .set({ retired_at: new Date(event.data.occurredAt), retirement_reason: event.data.reason })
          .where('definition_id', '=', event.data.definitionId)
          .execute();
      }
    }
  },
};
