import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { HttpException, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { reportReaders, type Infrastructure } from '@sla/composition';
import { ComplianceModule } from '@sla/compliance-feature';
import {
  DomainError,
  EventSchemaViolationError,
  WrongExpectedRevisionError,
  type EventMetadata,
} from '@sla/event-sourcing';
import { StoresModule } from '@sla/nest-platform';
import {
  REPORT_SECTIONS,
  REPORTING_PERIOD_FORMS,
  renderReportHtml,
  reportAgreementIdSchema,
  reportIdSchema,
  reportingPeriodSchema,
  ServiceReportError,
  type ReportSection,
} from '@sla/reports-domain';
import {
  DefinedReportDrafting,
  ServiceReports,
  ServiceReportsModule,
  type ServiceReportTables,
} from '@sla/reports-feature';
import { renderReportPdf } from '@sla/reports-pdf';
import { isTimeZone } from '@sla/sla-clock';

/** Refused by the domain (a rule, a conflict, nothing found) or by the options given. */
const EXIT_REFUSED = 2;

type WithInfrastructure = (action: (infrastructure: Infrastructure) => Promise<void>) => Promise<void>;
type ReportServices = { reports: ServiceReports; drafting: DefinedReportDrafting };

/** Runs `work` with the service report process composed as the API composes it (no HTTP, no drafting timer). */
export async function withServiceReports<T>(
  infrastructure: Infrastructure,
  work: (services: ReportServices) => Promise<T>,
): Promise<T> {
  @Module({
    imports: [
      CqrsModule.forRoot(),
      StoresModule.register({
        eventStore: infrastructure.eventStore,
        readStore: infrastructure.readStore,
        clock: { now: () => new Date() },
      }),
      ComplianceModule,
      ServiceReportsModule.register(reportReaders, { draftIntervalMilliseconds: 0 }),
    ],
  })
  class ReportsCommandModule {}
  const context = await NestFactory.createApplicationContext(ReportsCommandModule, { logger: false });
  try {
    return await work({ reports: context.get(ServiceReports), drafting: context.get(DefinedReportDrafting) });
  } finally {
    await context.close();
  }
}

/** A commander parser from a zod schema: a bad value is refused with the option's name and the schema's reason. */
const parsedBy =
  <T>(schema: z.ZodType<T>) =>
  (value: string): T => {
    const result = schema.safeParse(value);
    if (!result.success)
      throw new InvalidArgumentError([...new Set(result.error.issues.map((issue) => issue.message))].join('; '));
    return result.data;
  };

// The same rules as the HTTP API's request schemas.
const reportId = parsedBy(reportIdSchema);
const agreementId = parsedBy(reportAgreementIdSchema);
const period = parsedBy(reportingPeriodSchema);
const timeZone = parsedBy(z.string().refine(isTimeZone, 'not an IANA time zone'));
const sections = parsedBy(
  z
    .string()
    .transform((value) => value.split(',').map((section) => section.trim()))
    .pipe(
      z
        .array(z.enum(REPORT_SECTIONS as [ReportSection, ...ReportSection[]], `one of ${REPORT_SECTIONS.join(', ')}`))
        .min(1),
    ),
);
const trendPeriods = parsedBy(z.coerce.number().int().min(2).max(24));
const revisionNumber = parsedBy(z.coerce.number().int().positive('a revision number from 1'));
const actor = parsedBy(z.string().trim().min(1, 'who is acting (recorded on the events)').max(200));
const notes = parsedBy(z.string().max(5_000));
const reason = parsedBy(z.string().trim().min(1, 'why the report is restated').max(2_000));
const acknowledgement = parsedBy(
  z.string().trim().min(1, 'why the period is reported without a version in force').max(2_000),
);

const actorOption = () =>
  new Option('--actor <name>', 'who is acting (recorded on every event)').argParser(actor).makeOptionMandatory();
const languageOption = (description: string) => new Option('--language <language>', description).choices(['en', 'zh']);
const metadataOf = (name: string): EventMetadata => ({ actor: name, source: 'cli', correlationId: randomUUID() });
const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

/** A domain refusal as a stable code and message; undefined for an unexpected failure. */
function refusalOf(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof DomainError || error instanceof EventSchemaViolationError)
    return { code: error.code, message: error.message };
  if (error instanceof WrongExpectedRevisionError)
    return {
      code: 'CONCURRENT_MODIFICATION',
      message: `${error.message}: it was changed concurrently, run the command again`,
    };
  if (error instanceof HttpException && error.getStatus() === 404) return { code: 'NOT_FOUND', message: error.message };
  return undefined;
}

/** The latest revision of a report by the read model (caught up before); refused when the report is unknown. */
async function latestRevision(db: Kysely<ServiceReportTables>, id: string): Promise<number> {
  const row = await db
    .selectFrom('service_report_revision')
    .select((select) => select.fn.max('revision').as('latest'))
    .where('report_id', '=', id)
    .executeTakeFirst();
  if (row?.latest === null || row?.latest === undefined)
    throw new ServiceReportError('REPORT_NOT_FOUND', `no report '${id}'`);
  return Number(row.latest);
}

/**
 * `sla reports …`: the service report process for service level managers and
 * approvers, through the same ServiceReports as the HTTP API. Exit codes: 0
 * done, 2 refused (bad option or a domain rule, printed as `refused: CODE:
 * message`), 1 failed.
 */
export function registerReportCommands(program: Command, withInfrastructure: WithInfrastructure): void {
  /** Opens the stores, catches the read models up, composes the report services; a domain refusal exits 2. */
  const run = (work: (services: ReportServices, infrastructure: Infrastructure) => Promise<unknown>) =>
    withInfrastructure(async (infrastructure) => {
      await infrastructure.projections.catchUp();
      await withServiceReports(infrastructure, (services) => work(services, infrastructure));
    }).catch((error: unknown) => {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      console.error(`refused: ${refusal.code}: ${refusal.message}`);
      process.exitCode = EXIT_REFUSED;
    });

  const reports = program
    .command('reports')
    .description('service reports: generate, review, approve (four eyes), publish, restate, download')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 2 refused (invalid option, or a rule of the report process: `refused: CODE: message`), 1 failed.',
    )
    // Commander's own refusals (a missing or invalid option) exit 2 like the domain's; subcommands inherit this.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_REFUSED));

  reports
    .command('list')
    .description('reports by deadline with due dates and timeliness (JSON)')
    .addOption(
      new Option('--status <status>', 'which reports').choices(['all', 'unpublished', 'overdue']).default('all'),
    )
    .option('--agreement <id>', 'only this agreement', agreementId)
    .action((options: { status: 'all' | 'unpublished' | 'overdue'; agreement?: string }) =>
      run(async ({ reports: service }) =>
        printJson((await service.list({ status: options.status, agreementId: options.agreement })).items),
      ),
    );

  reports
    .command('generate')
    .description(
      "revision 1 of an agreement's report for a period, from the compliance figures as known now; due date by the provider calendar",
    )
    .requiredOption('--agreement <id>', 'the agreement', agreementId)
    .requiredOption('--period <period>', REPORTING_PERIOD_FORMS, period)
    .requiredOption(
      '--calendar <id>',
      "the provider's working calendar (a due date on a non-working day moves to the next working day)",
    )
    .option('--time-zone <zone>', 'the IANA zone the period is reckoned in', timeZone, 'UTC')
    .addOption(
      new Option('--audience <audience>', 'who the report is for')
        .choices(['customer', 'internal'])
        .default('customer'),
    )
    .option('--sections <list>', `comma-separated, of ${REPORT_SECTIONS.join(', ')} (default all)`, sections)
    .addOption(languageOption("the report's language (default en)"))
    .option('--trend-periods <n>', 'periods in the trend section, 2 to 24 (default 6)', trendPeriods)
    .option(
      '--acknowledge-no-version-in-force <reason>',
      'report a period in which no agreement version was in force, and why (recorded in the report)',
      acknowledgement,
    )
    .addOption(actorOption())
    .action(
      (options: {
        agreement: string;
        period: string;
        calendar: string;
        timeZone: string;
        audience: 'customer' | 'internal';
        sections?: ReportSection[];
        language?: 'en' | 'zh';
        trendPeriods?: number;
        acknowledgeNoVersionInForce?: string;
        actor: string;
      }) =>
        run(async ({ reports: service }) =>
          printJson(
            await service.generate(
              {
                agreementId: options.agreement,
                period: options.period,
                timeZone: options.timeZone,
                audience: options.audience,
                calendarId: options.calendar,
                ...(options.sections ? { sections: options.sections } : {}),
                ...(options.language ? { language: options.language } : {}),
                ...(options.trendPeriods ? { trendPeriods: options.trendPeriods } : {}),
                ...(options.acknowledgeNoVersionInForce
                  ? { acknowledgeNoVersionInForce: { reason: options.acknowledgeNoVersionInForce } }
                  : {}),
              },
              metadataOf(options.actor),
            ),
          ),
        ),
    );

  reports
    .command('review')
    .description('review the open revision')
    .argument('<reportId>', 'the report', reportId)
    .option('--notes <text>', "the reviewer's notes", notes, '')
    .addOption(actorOption())
    .action((id: string, options: { notes: string; actor: string }) =>
      run(async ({ reports: service }) =>
        printJson(await service.review(id, options.notes, metadataOf(options.actor))),
      ),
    );

  reports
    .command('approve')
    .description('approve the reviewed revision (not by its author)')
    .argument('<reportId>', 'the report', reportId)
    .addOption(actorOption())
    .action((id: string, options: { actor: string }) =>
      run(async ({ reports: service }) => printJson(await service.approve(id, metadataOf(options.actor)))),
    );

  reports
    .command('publish')
    .description('publish the approved revision: frozen with its content hash, on time or late recorded')
    .argument('<reportId>', 'the report', reportId)
    .addOption(actorOption())
    .action((id: string, options: { actor: string }) =>
      run(async ({ reports: service }) => printJson(await service.publish(id, metadataOf(options.actor)))),
    );

  reports
    .command('revise')
    .description('after publication: a new revision from the figures as known now (refused if nothing changed)')
    .argument('<reportId>', 'the report', reportId)
    .requiredOption('--reason <text>', 'why the report is restated', reason)
    .addOption(actorOption())
    .action((id: string, options: { reason: string; actor: string }) =>
      run(async ({ reports: service }) =>
        printJson(await service.revise(id, options.reason, metadataOf(options.actor))),
      ),
    );

  reports
    .command('download')
    .description(
      'one revision as PDF or printable HTML, the same bytes as the API serves; prints the file, its size and SHA-256 (JSON)',
    )
    .argument('<reportId>', 'the report', reportId)
    .option('--revision <n>', 'the revision (default the latest)', revisionNumber)
    .addOption(new Option('--format <format>', 'file format').choices(['pdf', 'html']).default('pdf'))
    .addOption(
      languageOption("labels in English or Chinese (default: the report's language for PDF, en for HTML, as the API)"),
    )
    .requiredOption('--out <file>', 'where to write it')
    .action((id: string, options: { revision?: number; format: 'pdf' | 'html'; language?: 'en' | 'zh'; out: string }) =>
      run(async ({ reports: service }, { readStore }) => {
        const revision = await service.revision(id, options.revision ?? (await latestRevision(readStore, id)));
        // As the API: a PDF in the report's own language unless asked, stamped with its drafting time, so its bytes
        // never change.
        const language =
          options.language ?? (options.format === 'html' ? 'en' : revision.content.language === 'zh' ? 'zh' : 'en');
        const bytes =
          options.format === 'pdf'
            ? await renderReportPdf(revision, { language, generatedAt: revision.draftedAt })
            : Buffer.from(renderReportHtml(revision, language), 'utf8');
        writeFileSync(options.out, bytes);
        printJson({
          file: options.out,
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          reportId: id,
          revision: revision.revision,
          format: options.format,
          language,
        });
      }),
    );

  reports
    .command('compare')
    .description(
      'what changed between two revisions: rows added, removed or changed, keyed by what they are about (JSON)',
    )
    .argument('<reportId>', 'the report', reportId)
    .requiredOption('--from <n>', 'the earlier revision', revisionNumber)
    .requiredOption('--to <n>', 'the later revision', revisionNumber)
    .action((id: string, options: { from: number; to: number }) =>
      run(async ({ reports: service }) => printJson(await service.compare(id, options.from, options.to))),
    );

  reports
    .command('draft-due')
    .description(
      'one pass of automatic drafting: revision 1 of every defined report whose period has closed; prints the ids drafted (JSON)',
    )
    .action(() => run(async ({ drafting }) => printJson(await drafting.draftDue())));
}
