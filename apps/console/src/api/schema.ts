// Generated from /openapi.json by `npm run console:api-types`: do not edit.
export interface paths {
  '/agreements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List agreements by id, optionally of one kind, status or counterparty */
    get: operations['getAgreements'];
    put?: never;
    /** Draft an SLA, OLA or UC (full content or a shipped template) */
    post: operations['postAgreements'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agreement with its versions (ETag = revision) */
    get: operations['getAgreementsByAgreementId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Draft an amendment under a change request */
    post: operations['postAgreementsAmendments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Field-by-field changes between two versions */
    get: operations['getAgreementsDiff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/expiry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that the agreement expired */
    post: operations['postAgreementsExpiry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who did what, when, under which change request */
    get: operations['getAgreementsHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/in-force': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The version in force at an instant */
    get: operations['getAgreementsInForce'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/renewal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Renew to a later expiry */
    post: operations['postAgreementsRenewal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/resumption': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resume a suspended agreement */
    post: operations['postAgreementsResumption'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/suspension': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend an agreement in effect */
    post: operations['postAgreementsSuspension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/termination-notice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give termination notice (at least 30 days unless both parties agree) */
    post: operations['postAgreementsTerminationNotice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/versions/{version}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revise a draft or submitted version during negotiation */
    post: operations['postAgreementsVersionsRevisions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/versions/{version}/signatures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign for one party; both signatures approve the version */
    post: operations['postAgreementsVersionsSignatures'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/versions/{version}/submission': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a version for approval (records the underpinning gaps and answers with them) */
    post: operations['postAgreementsVersionsSubmission'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agreements/{agreementId}/versions/{version}/underpinning-gaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The underpinning gaps a submission of this version would record now (read-only; a draft's preview) */
    get: operations['getAgreementsVersionsUnderpinningGaps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/annual-reviews-due': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** SLAs and UCs whose annual review is due (none held in the last 12 months) */
    get: operations['getAnnualReviewsDue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/access-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The access trail of a period: denied requests (401, 403, 429), sign-ins and hourly credential use */
    get: operations['getAuditAccessEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/agreements/{agreementId}/evidence-bundle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agreement's evidence for a period as a download: figures as reported and as known now, agreement history, and the stored events behind them with inclusion proofs to a signed tree head (the JSON `audit verify-bundle` checks); its manifest is logged */
    get: operations['getAuditAgreementsEvidenceBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/agreements/{agreementId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agreement's state after each of its events: versions, signatures, approvals, change requests, actors */
    get: operations['getAuditAgreementsReplay'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/consistency-proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RFC 9162 consistency proof between two signed heads: the earlier log is a prefix of the later one */
    get: operations['getAuditConsistencyProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/events/{eventId}/inclusion-proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RFC 9162 inclusion proof of one event up to a signed head (the latest by default) */
    get: operations['getAuditEventsInclusionProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/tickets/{ticketId}/clock-replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why a ticket is breached, fact by fact: its clocks after each fact in event-time order, under the version in force when it opened */
    get: operations['getAuditTicketsClockReplay'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/tree-heads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Signed tree heads of the audit Merkle tree (latest first, a page at a time) and the public keys that signed them */
    get: operations['getAuditTreeHeads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calendars': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List calendars by id, optionally in one time zone */
    get: operations['getCalendars'];
    put?: never;
    /** Define or replace a service-hours calendar */
    post: operations['postCalendars'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/calendars/{calendarId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One calendar definition */
    get: operations['getCalendarsByCalendarId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/agreements/{agreementId}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Availability against the agreement's targets, each version for the part of the period it was in force; with knownAt, as known at that recorded time (versions, outages, ends and maintenance recorded before it); with by=day, each term's figures per day in the query's time zone */
    get: operations['getComplianceAgreementsAvailability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/agreements/{agreementId}/kpis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Process KPIs for an agreement and period, each against its goal */
    get: operations['getComplianceAgreementsKpis'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/agreements/{agreementId}/response-resolution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Response and resolution compliance of the tickets opened in a period, per service, priority and metric */
    get: operations['getComplianceAgreementsResponseResolution'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/agreements/{agreementId}/restatement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A period's response/resolution figures as known when reported (facts recorded before reportedAt) beside what is known now, with the late facts behind each change */
    get: operations['getComplianceAgreementsRestatement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/agreements/{agreementId}/what-if': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A past period's tickets evaluated under a draft version (or any content) beside the version in force at each ticket's opening; nothing is stored */
    post: operations['postComplianceAgreementsWhatIf'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/breaches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The breach log: every recorded breach in a period with its agreement version, target, the facts behind it, when it was detected, and any correction; with knownAt, the log as it stood at that recorded time */
    get: operations['getComplianceBreaches'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/breaches/{breachEventId}/follow-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A step of a breach's follow-up: customer notified (due within 24 h), root cause, service credit assessed by the agreement's credit terms, remediation reported (closes it), customer-approved waiver */
    post: operations['postComplianceBreachesFollowUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Breach follow-ups with their due times (open ones by default) */
    get: operations['getComplianceFollowUps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every agreement in force in a period, in its own time zone: met, at risk or breached, availability per term with the downtime budget left, response and resolution totals, open follow-ups of the period's breaches */
    get: operations['getCompliancePortfolio'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The live SLA queue: every clock no fact has stopped, most urgent first (breached, then by the business time left to its next at-risk or breach instant, paused last), as of now */
    get: operations['getComplianceQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/services/{serviceId}/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Availability of a service over any period in a calendar's service hours, optionally against a target; with by=day, the figures per day in the query's time zone */
    get: operations['getComplianceServicesAvailability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/tickets/{ticketId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket's response and resolution clocks under every agreement covering its service, as of now */
    get: operations['getComplianceTicketsByTicketId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/compliance/tickets/{ticketId}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A ticket's SLA timeline: its facts, and each clock step by step (pauses, re-targets, at-risk, target and breach instants) with the service hours to shade and a plain-language explanation */
    get: operations['getComplianceTicketsTimeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Interactive API reference (Swagger UI) over this document, served with its assets by the API itself */
    get: operations['getDocs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs/{asset}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A script, style sheet or icon of the API reference page */
    get: operations['getDocsByAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Event store, read store, projection lag and stalls, readers held back by a long transaction, audit sealing stopped, head witness behind */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Improvement plans; overdue=true lists open plans past their due date */
    get: operations['getImprovementPlans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One improvement plan */
    get: operations['getImprovementPlansByPlanId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}/approval': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve the plan (the approver is the acting user) */
    post: operations['postImprovementPlansApproval'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}/closure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Act: close an effective plan */
    post: operations['postImprovementPlansClosure'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}/details': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan: approach, owner, due date, resources */
    post: operations['postImprovementPlansDetails'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}/effectiveness-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check: was it effective? */
    post: operations['postImprovementPlansEffectivenessReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/improvement-plans/{planId}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Do: record progress */
    post: operations['postImprovementPlansProgress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/maintenance-windows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Maintenance windows with their occurrences in [from, to), optionally of one service */
    get: operations['getMaintenanceWindows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/maintenance-windows/{windowId}/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule (once or by RRULE in a time zone) or cancel a maintenance window; source + externalId make redelivery idempotent */
    post: operations['postMaintenanceWindowsFacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: audit sealing stopped (0/1) and the first refused event, sealed tree size, unsealed events */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['getOpenapiJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/outages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Outages by start, optionally of one service or ticket, open or ended, started in a range */
    get: operations['getOutages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/outages/{outageId}/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an outage start or end; source + externalId make redelivery idempotent */
    post: operations['postOutagesFacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Report definitions, active ones unless includeRetired=true */
    get: operations['getReportDefinitions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-definitions/{definitionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One report definition */
    get: operations['getReportDefinitionsByDefinitionId'];
    /** Record a report definition of an agreement (frequency, audience, sections, language, zone, provider calendar, first period) or change its terms */
    put: operations['putReportDefinitionsByDefinitionId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/report-definitions/{definitionId}/retirement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a definition: no more reports are drafted from it */
    post: operations['postReportDefinitionsRetirement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports with due dates and timeliness; by status, agreement, audience or period. Customers: their published customer reports */
    get: operations['getReports'];
    put?: never;
    /** Generate revision 1 of a service report from the compliance views; due date by the reporting rules on the provider calendar */
    post: operations['postReports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/approval': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve the reviewed revision (not by its author) */
    post: operations['postReportsApproval'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/comparison': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What changed between two revisions (from, to): rows added, removed and changed, keyed by what they are about (a breach by ticket and metric), each changed field before and after */
    get: operations['getReportsComparison'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/publication': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish the approved revision: frozen with its content hash; on time or late recorded */
    post: operations['postReportsPublication'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Review the open revision */
    post: operations['postReportsReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** After publication: a new revision from the figures as known now, with its reason (refused if nothing changed) */
    post: operations['postReportsRevisions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/revisions/{revision}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One revision: content, hash, who drafted and approved it, and what changed from the previous revision */
    get: operations['getReportsRevisionsByRevision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/revisions/{revision}/breaches.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every breach of one revision as CSV, most severe first, exact UTC instants (text/csv); the PDF shows the head of this list when it is long */
    get: operations['getReportsRevisionsBreachesCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/revisions/{revision}/html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One revision as a printable HTML page with charts; labels in English or Chinese (text/html) */
    get: operations['getReportsRevisionsHtml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/{reportId}/revisions/{revision}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One revision as a paginated PDF with charts; agreement, period, version in force, revision and generation time on every page; in the report's language unless asked (application/pdf) */
    get: operations['getReportsRevisionsPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reviews by scheduled time, optionally of one agreement, kind or status */
    get: operations['getReviews'];
    put?: never;
    /** Schedule a review meeting */
    post: operations['postReviews'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{reviewId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One review */
    get: operations['getReviewsByReviewId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{reviewId}/minutes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the meeting: attendees, minutes, decisions (opens improvement plans and amendment drafts) */
    post: operations['postReviewsMinutes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the catalogue by service id, optionally by status or calendar */
    get: operations['getServices'];
    put?: never;
    /** Register a service (proposed) */
    post: operations['postServices'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/services/{serviceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One service (ETag = revision) */
    get: operations['getServicesByServiceId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Revise service details under a change request */
    patch: operations['patchServicesByServiceId'];
    trace?: never;
  };
  '/services/{serviceId}/activation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a proposed service */
    post: operations['postServicesActivation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/services/{serviceId}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a service */
    post: operations['postServicesRetire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The console's session: whether access control is on, and who is signed in (none without a live session) */
    get: operations['getSession'];
    put?: never;
    /** Sign the console in: an API key or access token is exchanged for an HttpOnly, SameSite=Strict session cookie */
    post: operations['postSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/session/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The OpenID provider's answer to a console sign-in: the code is exchanged for an access token, which starts the session */
    get: operations['getSessionOidcCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/session/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign the console in at the OpenID provider: redirects the browser to the provider's login (authorization code flow with PKCE) */
    get: operations['getSessionOidcStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/session/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign the console out: the session ends in every API process and its cookie is cleared */
    post: operations['postSessionSignOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tickets by opening time, optionally of one service, status, priority or type, opened in a range */
    get: operations['getTickets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{ticketId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One ticket */
    get: operations['getTicketsByTicketId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tickets/{ticketId}/facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record one ticket fact (opened, acknowledged, …); source + externalId make redelivery idempotent */
    post: operations['postTicketsFacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/alertmanager': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Prometheus Alertmanager webhook (version 4): firing alerts of mapped services start outages, resolved ones end them */
    post: operations['postWebhooksAlertmanager'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/json/{source}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generic JSON webhook: the source mapping (JSON_WEBHOOK_SOURCES_FILE) turns the payload into one ticket fact; optional HMAC-SHA256 signature */
    post: operations['postWebhooksJsonBySource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getAgreements: {
    parameters: {
      query?: {
        counterparty?: string;
        cursor?: string;
        kind?: 'SLA' | 'OLA' | 'UC';
        limit?: number;
        status?: 'drafting' | 'in-effect' | 'suspended' | 'terminating' | 'expired';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of agreements */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              approvedVersion: number | null;
              counterparty: unknown;
              expiresAt: string | null;
              /** @enum {string} */
              kind: 'SLA' | 'OLA' | 'UC';
              latestVersion: number;
              provider: unknown;
              revision: number;
              /** @enum {string} */
              status: 'drafting' | 'in-effect' | 'suspended' | 'terminating' | 'expired';
              terminatesAt: string | null;
              title: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreements: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          agreementId: string;
          content?: {
            /** @default [] */
            availabilityTargets?: {
              calendarId: string;
              percentage: number;
              /** @enum {string} */
              period: 'month' | 'quarter' | 'year';
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                serviceId: string;
              }[];
            }[];
            /** @default [] */
            customerDuties?: string[];
            /** Format: date-time */
            effectiveFrom: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @default [] */
            providerDuties?: string[];
            /**
             * @default monthly
             * @enum {string}
             */
            reportingPeriod?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
            /**
             * @default annual
             * @enum {string}
             */
            reviewCadence?: 'monthly' | 'semi-annual' | 'annual';
            /** @default [] */
            risks?: string[];
            /** @default [] */
            serviceCredits?: {
              condition: string;
              credit: string;
            }[];
            services: string[];
            /** @default [] */
            serviceTargets?: {
              /** @enum {string} */
              priority: 'P1' | 'P2' | 'P3' | 'P4';
              resolution: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              response: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
                serviceId: string;
              }[];
            }[];
            title: string;
          };
          counterparty: {
            /** @default [] */
            contacts?: {
              /** Format: email */
              email?: string;
              name: string;
              role?: string;
            }[];
            name: string;
          };
          /** @enum {string} */
          kind: 'SLA' | 'OLA' | 'UC';
          /** Format: date-time */
          occurredAt?: string;
          provider: {
            /** @default [] */
            contacts?: {
              /** Format: email */
              email?: string;
              name: string;
              role?: string;
            }[];
            name: string;
          };
          template?: {
            calendars: {
              businessHours: string;
              roundTheClock: string;
            };
            /** Format: date-time */
            effectiveFrom: string;
            /** Format: date-time */
            expiresAt?: string;
            services: string[];
            /** @enum {string} */
            tier: 'basic' | 'standard' | 'advanced' | 'exceptional';
            title: string;
          };
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAgreementsByAgreementId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the agreement */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            approvedVersion: number | null;
            counterparty: unknown;
            expiresAt: string | null;
            /** @enum {string} */
            kind: 'SLA' | 'OLA' | 'UC';
            latestVersion: number;
            provider: unknown;
            revision: number;
            /** @enum {string} */
            status: 'drafting' | 'in-effect' | 'suspended' | 'terminating' | 'expired';
            terminatesAt: string | null;
            title: string;
            versions: {
              approvedAt: string | null;
              approvedRecordedAt: string | null;
              basedOnVersion: number | null;
              changeRequest: string | null;
              content: unknown;
              draftedAt: string;
              draftedBy: string;
              draftedRecordedAt: string | null;
              signatures: {
                actor: string;
                party: string;
                recordedAt: string;
                riskAcceptance: unknown;
                signatory: {
                  name: string;
                  title: string;
                };
                signedAt: string;
              }[];
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved';
              underpinningGaps: {
                detail: string;
                metric: string;
                priority: string | null;
                problem: string;
                serviceId: string;
                supportingAgreementId: string | null;
              }[];
              version: number;
            }[];
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsAmendments: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          changeRequest: string;
          content: {
            /** @default [] */
            availabilityTargets?: {
              calendarId: string;
              percentage: number;
              /** @enum {string} */
              period: 'month' | 'quarter' | 'year';
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                serviceId: string;
              }[];
            }[];
            /** @default [] */
            customerDuties?: string[];
            /** Format: date-time */
            effectiveFrom: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @default [] */
            providerDuties?: string[];
            /**
             * @default monthly
             * @enum {string}
             */
            reportingPeriod?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
            /**
             * @default annual
             * @enum {string}
             */
            reviewCadence?: 'monthly' | 'semi-annual' | 'annual';
            /** @default [] */
            risks?: string[];
            /** @default [] */
            serviceCredits?: {
              condition: string;
              credit: string;
            }[];
            services: string[];
            /** @default [] */
            serviceTargets?: {
              /** @enum {string} */
              priority: 'P1' | 'P2' | 'P3' | 'P4';
              resolution: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              response: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
                serviceId: string;
              }[];
            }[];
            title: string;
          };
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAgreementsDiff: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            changeRequest: string | null;
            changes: {
              after?: unknown;
              before?: unknown;
              /** @enum {string} */
              change: 'added' | 'removed' | 'changed';
              path: string;
            }[];
            from: number;
            to: number;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsExpiry: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAgreementsHistory: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description history */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actor: string;
            changeRequest: string | null;
            correlationId: string;
            event: string;
            occurredAt: string;
            recordedAt: string;
            revision: number;
            summary: string;
            version: number | null;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAgreementsInForce: {
    parameters: {
      query: {
        at: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the version, or null */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            at: string;
            inForce: {
              changeRequest: string | null;
              content: unknown;
              suspended: boolean;
              version: number;
            } | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsRenewal: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          expiresAt: string;
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsResumption: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsSuspension: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsTerminationNotice: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          givenBy: 'provider' | 'counterparty';
          /** Format: date-time */
          occurredAt?: string;
          reason: string;
          shortNoticeAgreement?: {
            counterparty: {
              name: string;
              title: string;
            };
            provider: {
              name: string;
              title: string;
            };
            reason: string;
          };
          /** Format: date-time */
          terminatesAt: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsVersionsRevisions: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content: {
            /** @default [] */
            availabilityTargets?: {
              calendarId: string;
              percentage: number;
              /** @enum {string} */
              period: 'month' | 'quarter' | 'year';
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                serviceId: string;
              }[];
            }[];
            /** @default [] */
            customerDuties?: string[];
            /** Format: date-time */
            effectiveFrom: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @default [] */
            providerDuties?: string[];
            /**
             * @default monthly
             * @enum {string}
             */
            reportingPeriod?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
            /**
             * @default annual
             * @enum {string}
             */
            reviewCadence?: 'monthly' | 'semi-annual' | 'annual';
            /** @default [] */
            risks?: string[];
            /** @default [] */
            serviceCredits?: {
              condition: string;
              credit: string;
            }[];
            services: string[];
            /** @default [] */
            serviceTargets?: {
              /** @enum {string} */
              priority: 'P1' | 'P2' | 'P3' | 'P4';
              resolution: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              response: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
                serviceId: string;
              }[];
            }[];
            title: string;
          };
          /** @default  */
          note?: string;
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsVersionsSignatures: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
          /** @enum {string} */
          party: 'provider' | 'counterparty';
          riskAcceptance?: {
            reason: string;
          };
          signatory: {
            name: string;
            title: string;
          };
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postAgreementsVersionsSubmission: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description accepted: the events recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: string[];
            streamRevision: string;
            underpinningGaps: {
              detail: string;
              metric: string;
              priority: string | null;
              problem: string;
              serviceId: string;
              supportingAgreementId: string | null;
            }[];
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAgreementsVersionsUnderpinningGaps: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the version's gaps against the OLAs and UCs approved now; none for an OLA or UC */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            underpinningGaps: {
              detail: string;
              metric: string;
              priority: string | null;
              problem: string;
              serviceId: string;
              supportingAgreementId: string | null;
            }[];
            version: number;
            /** @enum {string} */
            versionStatus: 'draft' | 'submitted' | 'approved';
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAnnualReviewsDue: {
    parameters: {
      query?: {
        at?: string;
        cursor?: string;
        limit?: number;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description agreements due for review */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              dueAt: string;
              kind: string;
              lastAnnualReviewAt: string | null;
              title: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditAccessEvents: {
    parameters: {
      query: {
        cursor?: string;
        from: string;
        limit?: number;
        to: string;
        type?: 'AccessDenied' | 'PrincipalSignedIn' | 'CredentialUsed';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of access events, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              data:
                | {
                    actor: string | null;
                    credential: {
                      id: string;
                      /** @enum {string} */
                      kind: 'api-key' | 'oidc';
                    } | null;
                    method: string;
                    /** Format: date-time */
                    occurredAt: string;
                    path: string;
                    presentedFingerprint: string | null;
                    reason: string;
                    sourceAddress: string;
                    status: 401 | 403 | 429;
                    suppressedBefore: number;
                  }
                | {
                    actor: string;
                    credential: {
                      id: string;
                      /** @enum {string} */
                      kind: 'api-key' | 'oidc';
                    } | null;
                    customer: string | null;
                    method: string;
                    /** Format: date-time */
                    occurredAt: string;
                    path: string;
                    /** @enum {string} */
                    role: 'admin' | 'slm' | 'operations' | 'auditor' | 'customer';
                    sourceAddress: string;
                  }
                | {
                    actor: string;
                    credential: {
                      id: string;
                      /** @enum {string} */
                      kind: 'api-key' | 'oidc';
                    } | null;
                    customer: string | null;
                    /** Format: date-time */
                    hour: string;
                    method: string;
                    /** Format: date-time */
                    occurredAt: string;
                    path: string;
                    /** @enum {string} */
                    role: 'admin' | 'slm' | 'operations' | 'auditor' | 'customer';
                    sourceAddress: string;
                  };
              eventId: string;
              recordedAt: string;
              type: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditAgreementsEvidenceBundle: {
    parameters: {
      query: {
        period: string;
        timeZone?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the bundle (application/json, attachment), format sla-engine-evidence-bundle/2; verify it offline with `audit verify-bundle` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            events: {
              [key: string]: unknown;
            }[];
            figures: {
              [key: string]: unknown;
            };
            /** @constant */
            format: 'sla-engine-evidence-bundle/2';
            generatedAt: string;
            manifest: {
              [key: string]: unknown;
            };
            manifestRecord: {
              [key: string]: unknown;
            };
            period: {
              from: string;
              label: string;
              timeZone: string;
              to: string;
            };
            treeHead: {
              keyId: string;
              rootHash: string;
              signature: string;
              signedAt: string;
              treeSize: number;
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditAgreementsReplay: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one step per event */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actor: string;
            changeRequest: string | null;
            correlationId: string;
            eventId: string;
            occurredAt: string | null;
            recordedAt: string;
            revision: number;
            state: {
              expired: boolean;
              expiresAt: string | null;
              kind: string;
              suspended: boolean;
              terminatesAt: string | null;
              versions: {
                approvedAt: string | null;
                changeRequest: string | null;
                effectiveFrom: string;
                signedBy: string[];
                status: string;
                version: number;
              }[];
            } | null;
            type: string;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditConsistencyProof: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the proof */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            first: {
              keyId: string;
              rootHash: string;
              signature: string;
              signedAt: string;
              treeSize: number;
            };
            proof: string[];
            second: {
              keyId: string;
              rootHash: string;
              signature: string;
              signedAt: string;
              treeSize: number;
            };
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditEventsInclusionProof: {
    parameters: {
      query?: {
        treeSize?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        eventId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the proof */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            eventId: string;
            leafHash: string;
            leafIndex: number;
            proof: string[];
            treeHead: {
              keyId: string;
              rootHash: string;
              signature: string;
              signedAt: string;
              treeSize: number;
            };
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditTicketsClockReplay: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one step per clock fact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actor: string;
            clocks: {
              agreementId: string;
              breachedAt: string | null;
              dueAt: string | null;
              elapsedMs: number;
              metric: string;
              priority: string | null;
              remainingMs: number | null;
              state: string;
              stoppedAt: string | null;
              version: number;
            }[];
            correlationId: string;
            eventId: string;
            occurredAt: string | null;
            recordedAt: string;
            revision: number;
            type: string;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getAuditTreeHeads: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        maxTreeSize?: string;
        minTreeSize?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of heads, and every key */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              keyId: string;
              rootHash: string;
              signature: string;
              signedAt: string;
              treeSize: number;
            }[];
            keys: {
              keyId: string;
              publicKeyPem: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getCalendars: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        timeZone?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of calendars */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              calendarId: string;
              name: string;
              timeZone: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postCalendars: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default null */
          changeRequest?: string | null;
          definition: {
            id: string;
            name: string;
            timeZone: string;
            versions: {
              /** Format: date */
              effectiveFrom?: string;
              /** @default [] */
              extraWorkingDays?: {
                /** Format: date */
                date: string;
                name?: string;
                windows?: string[];
              }[];
              holidays?: {
                /** @default [] */
                dates?: {
                  /** Format: date */
                  date: string;
                  name?: string;
                }[];
                national?: {
                  country: string;
                  region?: string;
                  subdivision?: string;
                };
              };
              weeklyWindows:
                | '24x7'
                | {
                    fri?: string[];
                    mon?: string[];
                    sat?: string[];
                    sun?: string[];
                    thu?: string[];
                    tue?: string[];
                    wed?: string[];
                  };
              workingDayWindows?: string[];
            }[];
          };
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description defined */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            calendarId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getCalendarsByCalendarId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        calendarId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the calendar */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            calendarId: string;
            definition: {
              id: string;
              name: string;
              timeZone: string;
              versions: {
                /** Format: date */
                effectiveFrom?: string;
                /** @default [] */
                extraWorkingDays: {
                  /** Format: date */
                  date: string;
                  name?: string;
                  windows?: string[];
                }[];
                holidays?: {
                  /** @default [] */
                  dates: {
                    /** Format: date */
                    date: string;
                    name?: string;
                  }[];
                  national?: {
                    country: string;
                    region?: string;
                    subdivision?: string;
                  };
                };
                weeklyWindows:
                  | '24x7'
                  | {
                      fri?: string[];
                      mon?: string[];
                      sat?: string[];
                      sun?: string[];
                      thu?: string[];
                      tue?: string[];
                      wed?: string[];
                    };
                workingDayWindows?: string[];
              }[];
            };
            lastChangeRequest: string | null;
            streamRevision: number;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceAgreementsAvailability: {
    parameters: {
      query?: {
        by?: 'period' | 'day';
        from?: string;
        knownAt?: string;
        period?: string;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one term per service target and version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            allTargetsMet: boolean | null;
            from: string;
            terms: {
              agreedServiceTime: number;
              availabilityPercent: string | null;
              calendarId: string;
              contributions: {
                downtime: number;
                excluded: number;
                outageId: string;
              }[];
              /** @description with by=day: the figures of each day measured */
              days?: {
                agreedServiceTime: number;
                availabilityPercent: string | null;
                /** @description the calendar day in the time zone of the query */
                date: string;
                downtime: number;
                excludedMaintenanceDowntime: number;
                failures: number;
                from: string;
                /** @description approved maintenance overlapping the day */
                maintenance: {
                  end: string;
                  start: string;
                }[];
                maintenanceTime: number;
                /** @description the outages with service time lost (or excluded) that day */
                outages: {
                  downtime: number;
                  end: string | null;
                  excluded: number;
                  /** @enum {string} */
                  impact: 'full' | 'partial' | 'degraded';
                  outageId: string;
                  start: string;
                }[];
                to: string;
              }[];
              downtime: number;
              excludedMaintenanceDowntime: number;
              failures: number;
              from: string;
              maintenanceTime: number;
              meanTimeBetweenFailures: number | null;
              meanTimeToRestore: number | null;
              measuredUntil: string;
              period: string;
              remainingDowntimeBudget: number | null;
              serviceId: string;
              targetMet: boolean | null;
              targetPercentage: number | null;
              to: string;
              version: number;
            }[];
            to: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceAgreementsKpis: {
    parameters: {
      query?: {
        from?: string;
        period?: string;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the KPIs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            denominator: number | null;
            description: string;
            goal: string;
            /** @enum {string} */
            kpi:
              | 'all-targets-met'
              | 'incidents-within-response-target'
              | 'customer-satisfaction'
              | 'complaints-handled'
              | 'major-incidents-per-year';
            met: boolean | null;
            numerator: number;
            value: string | null;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceAgreementsResponseResolution: {
    parameters: {
      query?: {
        from?: string;
        period?: string;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description counts, % within target (truncated), median and 90th percentile of business time */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            breached: number;
            medianElapsedMs: number | null;
            met: number;
            metric: string;
            open: number;
            p90ElapsedMs: number | null;
            percentWithinTarget: string | null;
            priority: string;
            serviceId: string;
            tickets: number;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceAgreementsRestatement: {
    parameters: {
      query: {
        from?: string;
        period?: string;
        reportedAt: string;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description as reported, as corrected, and the changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            asCorrected: {
              breached: number;
              met: number;
              metric: string;
              open: number;
              percentWithinTarget: string | null;
              priority: string;
              serviceId: string;
              tickets: number;
            }[];
            asReported: {
              breached: number;
              met: number;
              metric: string;
              open: number;
              percentWithinTarget: string | null;
              priority: string;
              serviceId: string;
              tickets: number;
            }[];
            changes: {
              causedBy: {
                occurredAt: string;
                recordedAt: string;
                type: string;
              }[];
              corrected: string;
              metric: string;
              reported: string;
              ticketId: string;
            }[];
            correctedAt: string;
            from: string;
            reportedAt: string;
            to: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postComplianceAgreementsWhatIf: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        agreementId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content?: {
            /** @default [] */
            availabilityTargets?: {
              calendarId: string;
              percentage: number;
              /** @enum {string} */
              period: 'month' | 'quarter' | 'year';
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                serviceId: string;
              }[];
            }[];
            /** @default [] */
            customerDuties?: string[];
            /** Format: date-time */
            effectiveFrom: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @default [] */
            providerDuties?: string[];
            /**
             * @default monthly
             * @enum {string}
             */
            reportingPeriod?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
            /**
             * @default annual
             * @enum {string}
             */
            reviewCadence?: 'monthly' | 'semi-annual' | 'annual';
            /** @default [] */
            risks?: string[];
            /** @default [] */
            serviceCredits?: {
              condition: string;
              credit: string;
            }[];
            services: string[];
            /** @default [] */
            serviceTargets?: {
              /** @enum {string} */
              priority: 'P1' | 'P2' | 'P3' | 'P4';
              resolution: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              response: {
                atRiskFractions?: number[];
                calendarId: string;
                duration:
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-minutes';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'business-hours';
                    }
                  | {
                      amount: number;
                      /** @constant */
                      unit: 'working-days';
                    };
              };
              serviceId: string;
              /** @default [] */
              supportedBy?: {
                agreementId: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
                serviceId: string;
              }[];
            }[];
            title: string;
          };
          /** Format: date-time */
          from?: string;
          period?: string;
          /** @default UTC */
          timeZone?: string;
          /** Format: date-time */
          to?: string;
          version?: number;
        };
      };
    };
    responses: {
      /** @description per ticket and metric, and in total */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            candidate: string;
            from: string;
            tickets: {
              candidate: {
                elapsedMs: number;
                state: string;
                targetMs: number | null;
                /** @description the agreement version the clock was judged by; null for candidate content */
                version: number | null;
              } | null;
              changed: boolean;
              inForce: {
                elapsedMs: number;
                state: string;
                targetMs: number | null;
                /** @description the agreement version the clock was judged by; null for candidate content */
                version: number | null;
              } | null;
              metric: string;
              priority: string | null;
              serviceId: string;
              ticketId: string;
            }[];
            to: string;
            totals: {
              candidate: {
                breached: number;
                met: number;
                percentWithinTarget: string | null;
              };
              inForce: {
                breached: number;
                met: number;
                percentWithinTarget: string | null;
              };
              metric: string;
            }[];
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceBreaches: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        from?: string;
        knownAt?: string;
        limit?: number;
        metric?: 'response' | 'resolution';
        period?: string;
        priority?: string;
        serviceId?: string;
        ticketId?: string;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of breaches, by breach instant */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              breachedAt: string;
              calendarId: string | null;
              customerNotificationDueAt: string;
              detectedAt: string;
              eventId: string;
              facts: {
                at: string;
                priority?: string;
                type: string;
              }[];
              metric: string;
              priority: string | null;
              recordedAt: string;
              retractedAt: string | null;
              retractionReason: string | null;
              serviceId: string | null;
              targetMs: number | null;
              ticketId: string;
              version: number;
              waiver: unknown;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postComplianceBreachesFollowUp: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        breachEventId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              data: {
                channel: string;
                /** Format: date-time */
                occurredAt?: string;
                recipient: string;
                reference?: string;
              };
              /** @constant */
              type: 'BreachCustomerNotified';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt?: string;
                rootCause: string;
              };
              /** @constant */
              type: 'BreachRootCauseRecorded';
            }
          | {
              data: {
                /** @default null */
                condition?: string | null;
                /** @default null */
                credit?: string | null;
                /** Format: date-time */
                occurredAt?: string;
                rationale: string;
                termIndex: number | null;
              };
              /** @constant */
              type: 'BreachServiceCreditAssessed';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt?: string;
                report: string;
              };
              /** @constant */
              type: 'BreachRemediationReported';
            }
          | {
              data: {
                approvedBy: string;
                /** Format: date-time */
                occurredAt?: string;
                reason: string;
              };
              /** @constant */
              type: 'BreachWaiverRecorded';
            };
      };
    };
    responses: {
      /** @description recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            breachEventId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceFollowUps: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        limit?: number;
        metric?: 'response' | 'resolution';
        status?: 'open' | 'all';
        ticketId?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of follow-ups, by notification due time */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              breachedAt: string;
              breachEventId: string;
              credit: unknown;
              detectedAt: string;
              metric: string;
              notification: unknown;
              notificationDueAt: string;
              notificationOnTime: boolean | null;
              notifiedAt: string | null;
              remediatedAt: string | null;
              remediation: string | null;
              retractedAt: string | null;
              rootCause: string | null;
              /** @enum {string} */
              status: 'open' | 'closed' | 'retracted';
              ticketId: string;
              version: number;
              waiver: unknown;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getCompliancePortfolio: {
    parameters: {
      query: {
        customer?: string;
        period: string;
        service?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one row per agreement, by agreement id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreements: {
              agreementId: string;
              atRiskClocks: number;
              availability: {
                agreedServiceTime: number;
                availabilityPercent: string | null;
                calendarId: string;
                contributions: {
                  downtime: number;
                  excluded: number;
                  outageId: string;
                }[];
                downtime: number;
                excludedMaintenanceDowntime: number;
                failures: number;
                from: string;
                maintenanceTime: number;
                meanTimeBetweenFailures: number | null;
                meanTimeToRestore: number | null;
                measuredUntil: string;
                period: string;
                remainingDowntimeBudget: number | null;
                serviceId: string;
                targetMet: boolean | null;
                targetPercentage: number | null;
                to: string;
                version: number;
              }[];
              /** @enum {string} */
              compliance: 'met' | 'at-risk' | 'breached';
              customer: string;
              from: string;
              kind: string;
              lifecycleStatus: string;
              openFollowUps: number;
              resolution: {
                breached: number;
                met: number;
                open: number;
                percentWithinTarget: string | null;
                tickets: number;
              };
              response: {
                breached: number;
                met: number;
                open: number;
                percentWithinTarget: string | null;
                tickets: number;
              };
              services: string[];
              timeZone: string;
              title: string;
              to: string;
            }[];
            asOf: string;
            period: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceQueue: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        customer?: string;
        limit?: number;
        metric?: 'response' | 'resolution';
        priority?: 'P1' | 'P2' | 'P3' | 'P4';
        serviceId?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the open clocks, most urgent first, and how many there are in each state */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description ISO 8601 instant */
            asOf: string;
            counts: {
              atRisk: number;
              breached: number;
              paused: number;
              running: number;
            };
            items: {
              agreementId: string;
              /** @description the agreement's title (null: not in the agreement directory) */
              agreementTitle: string | null;
              atRiskAt: string | null;
              breachAt: string | null;
              calendarId: string | null;
              /** @description the agreement's counterparty by name */
              customer: string | null;
              dueAt: string | null;
              elapsedMs: number;
              /** @enum {string} */
              metric: 'response' | 'resolution';
              /** @description the next instant the clock reaches, with the business time left until it (null: paused, or breached) */
              next: {
                /** @description ISO 8601 instant */
                at: string;
                businessMsLeft: number;
                /** @enum {string} */
                kind: 'at-risk' | 'breach';
              } | null;
              /** @description ISO 8601 instant */
              openedAt: string;
              priority: string | null;
              /** @description business time left to the target; negative once past it */
              remainingMs: number | null;
              serviceId: string;
              /** @enum {string} */
              state: 'running' | 'at-risk' | 'breached' | 'paused';
              targetMs: number | null;
              ticketId: string;
              /** @description the calendar's IANA time zone, the wall clock the desk reads the instants in */
              timeZone: string | null;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
            total: number;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceServicesAvailability: {
    parameters: {
      query: {
        by?: 'period' | 'day';
        calendarId: string;
        from?: string;
        knownAt?: string;
        period?: string;
        targetPercentage?: number;
        timeZone?: string;
        to?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        serviceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the figures */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreedServiceTime: number;
            availabilityPercent: string | null;
            calendarId: string;
            contributions: {
              downtime: number;
              excluded: number;
              outageId: string;
            }[];
            /** @description with by=day: the figures of each day measured */
            days?: {
              agreedServiceTime: number;
              availabilityPercent: string | null;
              /** @description the calendar day in the time zone of the query */
              date: string;
              downtime: number;
              excludedMaintenanceDowntime: number;
              failures: number;
              from: string;
              /** @description approved maintenance overlapping the day */
              maintenance: {
                end: string;
                start: string;
              }[];
              maintenanceTime: number;
              /** @description the outages with service time lost (or excluded) that day */
              outages: {
                downtime: number;
                end: string | null;
                excluded: number;
                /** @enum {string} */
                impact: 'full' | 'partial' | 'degraded';
                outageId: string;
                start: string;
              }[];
              to: string;
            }[];
            downtime: number;
            excludedMaintenanceDowntime: number;
            failures: number;
            from: string;
            maintenanceTime: number;
            meanTimeBetweenFailures: number | null;
            meanTimeToRestore: number | null;
            measuredUntil: string;
            remainingDowntimeBudget: number | null;
            serviceId: string;
            targetMet: boolean | null;
            targetPercentage: number | null;
            to: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceTicketsByTicketId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one row per agreement and metric */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            agreementKind: string;
            atRiskAt: string | null;
            breachAt: string | null;
            breachedAt: string | null;
            calendarId: string | null;
            dueAt: string | null;
            elapsedMs: number;
            evaluatedAt: string;
            metric: string;
            openedAt: string;
            priority: string | null;
            reason: string | null;
            recordedState: string;
            remainingMs: number | null;
            serviceId: string;
            /** @enum {string} */
            state: 'not-started' | 'running' | 'paused' | 'met' | 'breached' | 'not-covered' | 'at-risk';
            stoppedAt: string | null;
            targetMs: number | null;
            ticketId: string;
            version: number;
          }[];
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getComplianceTicketsTimeline: {
    parameters: {
      query?: {
        asOf?: string;
        language?: 'en' | 'zh';
        timeZone?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the facts in event-time order and one explained clock per agreement and metric */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description ISO 8601 instant */
            asOf: string;
            clocks: {
              agreementId: string;
              agreementKind: string;
              atRiskAt: string | null;
              breachedAt: string | null;
              calendarId: string | null;
              dueAt: string | null;
              elapsedMs: number;
              /** @enum {string} */
              metric: 'response' | 'resolution';
              pausedMs: number;
              priority: string | null;
              /** @description the calendar's service windows from the opening to the end of the axis, for shading */
              serviceHours: {
                /** @description ISO 8601 instant */
                from: string;
                /** @description ISO 8601 instant */
                to: string;
              }[];
              state: string;
              steps: {
                /** @description ISO 8601 instant */
                at?: string;
                budgetMs?: number | null;
                by?: string;
                calendarId?: string;
                countedMs?: number;
                fraction?: number;
                /** @description an instant (counted, paused) or the earlier priority (retargeted) */
                from?: string;
                /** @enum {string} */
                kind:
                  | 'started'
                  | 'counted'
                  | 'paused'
                  | 'retargeted'
                  | 'breached'
                  | 'at-risk'
                  | 'due'
                  | 'stopped'
                  | 'reopened';
                lengthMs?: number;
                priority?: string;
                revealedAt?: string | null;
                running?: boolean;
                target?: {
                  amount: number;
                  unit: string;
                };
                /** @description the step in words, in the requested language */
                text: string;
                /** @description an instant (counted, paused) or the new priority (retargeted) */
                to?: string | null;
                totalMs?: number;
              }[];
              stoppedAt: string | null;
              summary: string;
              targetMs: number | null;
              timeZone: string;
              version: number;
            }[];
            facts: {
              /** @description ISO 8601 instant */
              occurredAt: string;
              priority: string | null;
              /** @description ISO 8601 instant */
              recordedAt: string;
              type: string;
            }[];
            serviceId: string;
            ticketId: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getDocs: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getDocsByAsset: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        asset: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description not one of the reference page's files */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description up (ok or degraded) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @description off: no API keys nor OIDC configured, or AUTH=off (development only; the console says so)
             * @enum {string}
             */
            accessControl: 'on' | 'off';
            projections: ({
              lag: number;
              name: string;
            } & {
              [key: string]: unknown;
            })[];
            /** @enum {string} */
            status: 'ok' | 'degraded' | 'down';
            warnings: string[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a store is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getImprovementPlans: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        limit?: number;
        overdue?: 'true' | 'false';
        phase?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of plans */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              approach: string | null;
              approvedBy: string | null;
              closedAt: string | null;
              decisionId: string;
              dueAt: string | null;
              effective: boolean | null;
              evidence: string | null;
              facts: {
                actor: string;
                event: string;
                occurredAt: string;
                recordedAt: string;
              }[];
              item: string;
              lastNote: string | null;
              outcome: string | null;
              overdue: boolean;
              owner: string | null;
              percentComplete: number;
              phase: string;
              planId: string;
              requirement: string;
              resources: string | null;
              reviewId: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getImprovementPlansByPlanId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the plan */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            approach: string | null;
            approvedBy: string | null;
            closedAt: string | null;
            decisionId: string;
            dueAt: string | null;
            effective: boolean | null;
            evidence: string | null;
            facts: {
              actor: string;
              event: string;
              occurredAt: string;
              recordedAt: string;
            }[];
            item: string;
            lastNote: string | null;
            outcome: string | null;
            overdue: boolean;
            owner: string | null;
            percentComplete: number;
            phase: string;
            planId: string;
            requirement: string;
            resources: string | null;
            reviewId: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postImprovementPlansApproval: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            planId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postImprovementPlansClosure: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          occurredAt?: string;
          outcome: string;
        };
      };
    };
    responses: {
      /** @description recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            planId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postImprovementPlansDetails: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          approach: string;
          /** Format: date-time */
          dueAt: string;
          /** Format: date-time */
          occurredAt?: string;
          owner: string;
          /** @default  */
          resources?: string;
        };
      };
    };
    responses: {
      /** @description recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            planId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postImprovementPlansEffectivenessReview: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          effective: boolean;
          evidence: string;
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            planId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postImprovementPlansProgress: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          note: string;
          /** Format: date-time */
          occurredAt?: string;
          percentComplete: number;
        };
      };
    };
    responses: {
      /** @description recorded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            planId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getMaintenanceWindows: {
    parameters: {
      query: {
        cursor?: string;
        from: string;
        limit?: number;
        serviceId?: string;
        to: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of windows, by id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              cancellationReason: string | null;
              cancelledFrom: string | null;
              changeReference: string;
              occurrences: {
                end: string;
                start: string;
              }[];
              schedule:
                | {
                    end: string;
                    /** @constant */
                    kind: 'once';
                    start: string;
                  }
                | {
                    durationMinutes: number;
                    firstStart: string;
                    /** @constant */
                    kind: 'recurring';
                    rule: string;
                    timeZone: string;
                  };
              scheduledAt: string;
              serviceId: string;
              source: string;
              title: string;
              windowId: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postMaintenanceWindowsFacts: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        windowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              data: {
                changeReference: string;
                /** Format: date-time */
                occurredAt: string;
                schedule:
                  | {
                      /** Format: date-time */
                      end: string;
                      /** @constant */
                      kind: 'once';
                      /** Format: date-time */
                      start: string;
                    }
                  | {
                      durationMinutes: number;
                      firstStart: string;
                      /** @constant */
                      kind: 'recurring';
                      rule: string;
                      timeZone: string;
                    };
                serviceId: string;
                title: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'MaintenanceWindowScheduled';
            }
          | {
              data: {
                /** Format: date-time */
                effectiveFrom: string;
                /** Format: date-time */
                occurredAt: string;
                reason: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'MaintenanceWindowCancelled';
            };
      };
    };
    responses: {
      /** @description a redelivery: already stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            streamRevision: string;
            windowId: string;
          };
        };
      };
      /** @description stored */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            streamRevision: string;
            windowId: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the metrics, Prometheus text format 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain; version=0.0.4': string;
        };
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the read store cannot be read */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getOpenapiJson: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3.1 document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getOutages: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        open?: 'true' | 'false';
        serviceId?: string;
        startedFrom?: string;
        startedTo?: string;
        ticketId?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of outages */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              endedAt: string | null;
              impact: string;
              outageId: string;
              serviceId: string;
              source: string;
              startedAt: string;
              ticketId: string | null;
              weight: number | null;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postOutagesFacts: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        outageId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              data: {
                /** @enum {string} */
                impact: 'full' | 'partial' | 'degraded';
                /** Format: date-time */
                occurredAt: string;
                serviceId: string;
                /** @default null */
                ticketId?: string | null;
                weight?: number;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'OutageStarted';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'OutageEnded';
            };
      };
    };
    responses: {
      /** @description a redelivery: already stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            outageId: string;
            streamRevision: string;
          };
        };
      };
      /** @description stored */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            outageId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportDefinitions: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        includeRetired?: 'true' | 'false';
        limit?: number;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of definitions, by id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              /** @enum {string} */
              audience: 'customer' | 'internal';
              calendarId: string;
              definitionId: string;
              firstPeriod: string;
              /** @enum {string} */
              frequency: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
              /** @enum {string} */
              language: 'en' | 'zh';
              recordedAt: string;
              recordedBy: string;
              retiredAt: string | null;
              retirementReason: string | null;
              sections: (
                | 'targets'
                | 'availability'
                | 'breaches'
                | 'trend'
                | 'satisfaction'
                | 'complaints'
                | 'major-incidents'
                | 'improvement-plans'
                | 'kpis'
              )[];
              timeZone: string;
              trendPeriods: number;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportDefinitionsByDefinitionId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        definitionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the definition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementId: string;
            /** @enum {string} */
            audience: 'customer' | 'internal';
            calendarId: string;
            definitionId: string;
            firstPeriod: string;
            /** @enum {string} */
            frequency: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
            /** @enum {string} */
            language: 'en' | 'zh';
            recordedAt: string;
            recordedBy: string;
            retiredAt: string | null;
            retirementReason: string | null;
            sections: (
              | 'targets'
              | 'availability'
              | 'breaches'
              | 'trend'
              | 'satisfaction'
              | 'complaints'
              | 'major-incidents'
              | 'improvement-plans'
              | 'kpis'
            )[];
            timeZone: string;
            trendPeriods: number;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  putReportDefinitionsByDefinitionId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        definitionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          agreementId: string;
          /** @enum {string} */
          audience: 'customer' | 'internal';
          calendarId: string;
          firstPeriod: string;
          /** @enum {string} */
          frequency: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
          /** @enum {string} */
          language: 'en' | 'zh';
          sections: (
            | 'targets'
            | 'availability'
            | 'breaches'
            | 'trend'
            | 'satisfaction'
            | 'complaints'
            | 'major-incidents'
            | 'improvement-plans'
            | 'kpis'
          )[];
          timeZone: string;
          /** @default 6 */
          trendPeriods?: number;
        };
      };
    };
    responses: {
      /** @description recorded (events is empty when the terms were already these) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            definitionId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReportDefinitionsRetirement: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        definitionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description retired */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            definitionId: string;
            events: string[];
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReports: {
    parameters: {
      query?: {
        agreementId?: string;
        audience?: 'customer' | 'internal';
        cursor?: string;
        limit?: number;
        period?: string;
        status?: 'all' | 'unpublished' | 'overdue' | 'published';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of reports by deadline (a customer's key: its own agreements' published customer reports) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementId: string;
              audience: string;
              deadline: string;
              dueDate: string;
              lateByMs: number | null;
              latestPublishedRevision: number | null;
              /** @description the newest revision */
              latestRevision: number;
              onTime: boolean | null;
              overdue: boolean;
              period: string;
              publishedAt: string | null;
              /** @description when the first publication was recorded (publishedAt is the time it states): the report's knownAt, as reported */
              publishedRecordedAt: string | null;
              reportId: string;
              /**
               * @description the newest revision's status (a restatement in progress is a draft after a publication)
               * @enum {string}
               */
              status: 'draft' | 'reviewed' | 'approved' | 'published';
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReports: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          acknowledgeNoVersionInForce?: {
            reason: string;
          };
          agreementId: string;
          /**
           * @default customer
           * @enum {string}
           */
          audience?: 'customer' | 'internal';
          calendarId: string;
          /** @enum {string} */
          language?: 'en' | 'zh';
          /**
           * Format: date-time
           * @description when it happened, if not now: in order, not in the future; timeliness is judged at it
           */
          occurredAt?: string;
          period: string;
          sections?: (
            | 'targets'
            | 'availability'
            | 'breaches'
            | 'trend'
            | 'satisfaction'
            | 'complaints'
            | 'major-incidents'
            | 'improvement-plans'
            | 'kpis'
          )[];
          /** @default UTC */
          timeZone?: string;
          trendPeriods?: number;
        };
      };
    };
    responses: {
      /** @description drafted */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: string[];
            reportId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReportsApproval: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description when it happened, if not now: in order, not in the future; timeliness is judged at it
           */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description approved */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: string[];
            reportId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportsComparison: {
    parameters: {
      query: {
        from: string;
        to: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the changes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            changes: (
              | {
                  after: unknown;
                  /** @constant */
                  change: 'added';
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
              | {
                  before: unknown;
                  /** @constant */
                  change: 'removed';
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
              | {
                  /** @constant */
                  change: 'changed';
                  fields: {
                    after: unknown;
                    before: unknown;
                    field: string;
                  }[];
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
            )[];
            from: {
              contentHash: string;
              revision: number;
            };
            reportId: string;
            to: {
              contentHash: string;
              reason: string | null;
              revision: number;
            };
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReportsPublication: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description when it happened, if not now: in order, not in the future; timeliness is judged at it
           */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description published */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: string[];
            reportId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReportsReview: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default  */
          notes?: string;
          /**
           * Format: date-time
           * @description when it happened, if not now: in order, not in the future; timeliness is judged at it
           */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description reviewed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: string[];
            reportId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReportsRevisions: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description when it happened, if not now: in order, not in the future; timeliness is judged at it
           */
          occurredAt?: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description drafted */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            events: string[];
            reportId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportsRevisionsByRevision: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the revision */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approvedAt: string | null;
            approvedBy: string | null;
            changesFromPrevious: (
              | {
                  after: unknown;
                  /** @constant */
                  change: 'added';
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
              | {
                  before: unknown;
                  /** @constant */
                  change: 'removed';
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
              | {
                  /** @constant */
                  change: 'changed';
                  fields: {
                    after: unknown;
                    before: unknown;
                    field: string;
                  }[];
                  /** @description what the row is about: a breach by ticketId and metric, a compliance row by serviceId, priority and metric, … */
                  key: {
                    [key: string]: unknown;
                  };
                  section: string;
                }
            )[];
            content: {
              agreement?: {
                customer: string;
                effectiveFrom: string | null;
                kind: string;
                provider: string;
                title: string;
              };
              agreementId: string;
              /** @enum {string} */
              audience?: 'customer' | 'internal';
              availability?: {
                agreedServiceTime?: number;
                availabilityPercent: string | null;
                calendarId?: string;
                contributions?: {
                  downtime: number;
                  excluded: number;
                  outageId: string;
                }[];
                downtime?: number;
                excludedMaintenanceDowntime?: number;
                failures?: number;
                /** Format: date-time */
                from?: string;
                maintenanceTime?: number;
                meanTimeBetweenFailures?: number | null;
                meanTimeToRestore?: number | null;
                /** Format: date-time */
                measuredUntil?: string;
                period?: string;
                remainingDowntimeBudget?: number | null;
                serviceId: string;
                targetMet: boolean | null;
                targetPercentage: number | null;
                /** Format: date-time */
                to?: string;
                version: number;
              }[];
              breaches?: {
                /** Format: date-time */
                breachedAt: string;
                eventId: string;
                followUp?: {
                  credit?: {
                    condition: string | null;
                    credit: string | null;
                    termIndex: number | null;
                  } | null;
                  /** Format: date-time */
                  notificationDueAt: string;
                  notifiedAt: string | null;
                  remediatedAt: string | null;
                  rootCause: string | null;
                  status: string;
                } | null;
                metric: string;
                priority: string | null;
                retractedAt: string | null;
                ticketId: string;
                version: number;
                waiver: {
                  approvedBy: string;
                  reason: string;
                  /** Format: date-time */
                  recordedAt: string;
                } | null;
              }[];
              definitionId?: string;
              /** Format: date-time */
              from?: string;
              improvementPlans?: {
                dueAt: string | null;
                item: string;
                owner: string | null;
                percentComplete: number;
                phase: string;
                planId: string;
              }[];
              kpis?: {
                denominator?: number | null;
                description?: string;
                goal: string;
                kpi: string;
                met: boolean | null;
                numerator?: number;
                value: string | null;
              }[];
              /** @enum {string} */
              language?: 'en' | 'zh';
              noVersionInForce?: {
                acknowledgedBy: string;
                reason: string;
              };
              period: string;
              responseResolution?: {
                breached: number;
                medianElapsedMs?: number | null;
                met: number;
                metric: string;
                open: number;
                p90ElapsedMs?: number | null;
                percentWithinTarget: string | null;
                priority: string;
                serviceId: string;
                target?: {
                  amount: number;
                  unit: string;
                } | null;
                tickets?: number;
              }[];
              sections?: (
                | 'targets'
                | 'availability'
                | 'breaches'
                | 'trend'
                | 'satisfaction'
                | 'complaints'
                | 'major-incidents'
                | 'improvement-plans'
                | 'kpis'
              )[];
              serviceCredits?: {
                condition: string;
                credit: string;
                version: number;
              }[];
              timeZone: string;
              /** Format: date-time */
              to?: string;
              trend?: {
                availability: {
                  availabilityPercent: string | null;
                  serviceId: string;
                }[];
                breaches: number;
                period: string;
                resolutionWithinTarget: string | null;
                responseWithinTarget: string | null;
              }[];
              trendFrom?: string;
              trendPeriods?: number;
              versionsInForce?: number[];
            };
            contentHash: string;
            draftedAt: string;
            draftedBy: string;
            publishedAt: string | null;
            reason: string | null;
            reportId: string;
            reviewedAt: string | null;
            revision: number;
            status: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportsRevisionsBreachesCsv: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the CSV (text/csv, UTF-8 with BOM); the same bytes on every download */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportsRevisionsHtml: {
    parameters: {
      query?: {
        language?: 'en' | 'zh';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the page (text/html) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReportsRevisionsPdf: {
    parameters: {
      query?: {
        language?: 'en' | 'zh';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reportId: string;
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the PDF (application/pdf); the same bytes on every download */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReviews: {
    parameters: {
      query?: {
        agreementId?: string;
        cursor?: string;
        kind?: string;
        limit?: number;
        status?: 'scheduled' | 'held';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of reviews */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              agreementIds: string[];
              attendees: unknown;
              decisions: unknown;
              facts: {
                actor: string;
                event: string;
                occurredAt: string;
                recordedAt: string;
              }[];
              heldAt: string | null;
              kind: string;
              minutes: string | null;
              periodFrom: string;
              periodTo: string;
              recordedBy: string;
              reviewId: string;
              scheduledFor: string;
              /** @enum {string} */
              status: 'scheduled' | 'held';
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReviews: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          agreementIds: string[];
          /** @enum {string} */
          kind: 'monthly-internal' | 'semi-annual-customer' | 'annual-agreement';
          /** Format: date-time */
          occurredAt?: string;
          /** Format: date-time */
          periodFrom: string;
          /** Format: date-time */
          periodTo: string;
          reviewId: string;
          /** Format: date-time */
          scheduledFor: string;
        };
      };
    };
    responses: {
      /** @description scheduled */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            followUps: {
              decisionId: string;
              error: string | null;
              opened: string | null;
            }[];
            reviewId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getReviewsByReviewId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reviewId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the review */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agreementIds: string[];
            attendees: unknown;
            decisions: unknown;
            facts: {
              actor: string;
              event: string;
              occurredAt: string;
              recordedAt: string;
            }[];
            heldAt: string | null;
            kind: string;
            minutes: string | null;
            periodFrom: string;
            periodTo: string;
            recordedBy: string;
            reviewId: string;
            scheduledFor: string;
            /** @enum {string} */
            status: 'scheduled' | 'held';
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postReviewsMinutes: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        reviewId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          attendees: {
            name: string;
            /** @enum {string} */
            party: 'provider' | 'customer' | 'supplier' | 'internal';
            role: string;
          }[];
          decisions: (
            | {
                agreementId: string;
                decisionId: string;
                /** @constant */
                outcome: 'accept';
                rationale: string;
              }
            | {
                agreementId: string;
                decisionId: string;
                improvement: {
                  item: string;
                  planId: string;
                  requirement: string;
                };
                /** @constant */
                outcome: 'improvement-required';
                rationale: string;
              }
            | {
                agreementId: string;
                amendment: {
                  changeRequest: string;
                  /** Format: date-time */
                  effectiveFrom: string;
                };
                decisionId: string;
                /** @constant */
                outcome: 'agreement-change-required';
                rationale: string;
              }
          )[];
          /** Format: date-time */
          heldAt: string;
          minutes: string;
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description held, with the follow-ups its decisions open (carried out just after) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            followUps: {
              decisionId: string;
              error: string | null;
              opened: string | null;
            }[];
            reviewId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getServices: {
    parameters: {
      query?: {
        calendarId?: string;
        cursor?: string;
        limit?: number;
        status?: 'proposed' | 'active' | 'retired';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of services */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              calendarId: string | null;
              contactPoint: string | null;
              description: string;
              exceptions: string;
              lastChangeRequest: string | null;
              name: string;
              owner: {
                email: string | null;
                name: string;
              };
              registeredAt: string;
              retiredAt: string | null;
              retirementReason: string | null;
              securityConsiderations: string;
              serviceId: string;
              /** @enum {string} */
              status: 'proposed' | 'active' | 'retired';
              streamRevision: number;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postServices: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default null */
          calendarId?: string | null;
          changeRequest: string;
          /** @default null */
          contactPoint?: string | null;
          /** @default  */
          description?: string;
          /** @default  */
          exceptions?: string;
          name: string;
          /** Format: date-time */
          occurredAt?: string;
          owner: {
            /** @default null */
            email?: string | null;
            name: string;
          };
          /** @default  */
          securityConsiderations?: string;
          serviceId: string;
        };
      };
    };
    responses: {
      /** @description registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            serviceId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getServicesByServiceId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        serviceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the service */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            calendarId: string | null;
            contactPoint: string | null;
            description: string;
            exceptions: string;
            lastChangeRequest: string | null;
            name: string;
            owner: {
              email: string | null;
              name: string;
            };
            registeredAt: string;
            retiredAt: string | null;
            retirementReason: string | null;
            securityConsiderations: string;
            serviceId: string;
            /** @enum {string} */
            status: 'proposed' | 'active' | 'retired';
            streamRevision: number;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  patchServicesByServiceId: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        serviceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          changeRequest: string;
          changes: {
            calendarId?: string | null;
            contactPoint?: string | null;
            description?: string;
            exceptions?: string;
            name?: string;
            owner?: {
              email: string | null;
              name: string;
            };
            securityConsiderations?: string;
          };
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description revised */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            serviceId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postServicesActivation: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        serviceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          changeRequest: string;
          /** Format: date-time */
          occurredAt?: string;
        };
      };
    };
    responses: {
      /** @description activated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            serviceId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postServicesRetire: {
    parameters: {
      query?: never;
      header?: {
        /** @description the revision last seen, e.g. "3" (from ETag) */
        'If-Match'?: string;
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        serviceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          changeRequest: string;
          /** Format: date-time */
          occurredAt?: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description retired */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            serviceId: string;
            streamRevision: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the session, or null when signed out, expired or revoked */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            accessControl: 'on' | 'off';
            /** @description sign-in at the OpenID provider (GET /session/oidc/start), when OIDC_CONSOLE_CLIENT_ID is set */
            openIdSignIn: {
              /** @description the name on the "Sign in with …" button */
              provider: string;
            } | null;
            session: {
              actor: string;
              /** @description sent back in X-CSRF-Token with every write made through the session */
              csrfToken: string;
              customer: string | null;
              expiresAt: string;
              /** @description the access rules the principal's role meets (docs/access-control.md): the console offers only these actions; a customer is still kept to its own agreements by the API */
              may: (
                | 'public'
                | 'audit'
                | 'evidence'
                | 'intake'
                | 'whatIf'
                | 'signature'
                | 'change'
                | 'staffRead'
                | 'agreementRead'
                | 'agreementQueryRead'
                | 'reportRead'
                | 'reportList'
                | 'ownAgreementsList'
              )[];
              /** @enum {string} */
              role: 'admin' | 'slm' | 'operations' | 'auditor' | 'customer';
              startedAt: string;
            } | null;
          };
        };
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postSession: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description an API key or an OpenID Connect access token */
          credential: string;
        };
      };
    };
    responses: {
      /** @description signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actor: string;
            /** @description sent back in X-CSRF-Token with every write made through the session */
            csrfToken: string;
            customer: string | null;
            expiresAt: string;
            /** @description the access rules the principal's role meets (docs/access-control.md): the console offers only these actions; a customer is still kept to its own agreements by the API */
            may: (
              | 'public'
              | 'audit'
              | 'evidence'
              | 'intake'
              | 'whatIf'
              | 'signature'
              | 'change'
              | 'staffRead'
              | 'agreementRead'
              | 'agreementQueryRead'
              | 'reportRead'
              | 'reportList'
              | 'ownAgreementsList'
            )[];
            /** @enum {string} */
            role: 'admin' | 'slm' | 'operations' | 'auditor' | 'customer';
            startedAt: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the credential is not accepted (the reason is named) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description access control is off: there is nothing to sign in to */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getSessionOidcCallback: {
    parameters: {
      query?: {
        code?: string;
        error?: string;
        error_description?: string;
        iss?: string;
        state?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description redirect (Location): back to the console path the sign-in started from with the session cookie set, or to it with `signInError=<code>` (sign_in_not_started, provider_unavailable, provider_refused, access_denied, token_refused; the reason is in the API log) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no OpenID sign-in is configured (OIDC_CONSOLE_CLIENT_ID) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getSessionOidcStart: {
    parameters: {
      query?: {
        returnTo?: string;
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description redirect (Location): the provider's authorization endpoint; the attempt's HttpOnly cookie is set */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the query is invalid (the parameter is named) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no OpenID sign-in is configured (OIDC_CONSOLE_CLIENT_ID) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postSessionSignOut: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description a request that cannot be read: the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the write lacks the session's CSRF token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getTickets: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        openedFrom?: string;
        openedTo?: string;
        priority?: 'P1' | 'P2' | 'P3' | 'P4';
        serviceId?: string;
        status?: 'open' | 'closed';
        ticketType?: 'incident' | 'service-request' | 'complaint';
      };
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of tickets */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              closedAt: string | null;
              facts: number;
              major: boolean;
              openedAt: string;
              priority: string;
              revision: number;
              serviceId: string;
              ticketId: string;
              ticketType: string;
              title: string;
            }[];
            /** @description pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  getTicketsByTicketId: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the ticket */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            closedAt: string | null;
            facts: number;
            major: boolean;
            openedAt: string;
            priority: string;
            revision: number;
            serviceId: string;
            ticketId: string;
            ticketType: string;
            title: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postTicketsFacts: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        ticketId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              data: {
                /** @enum {string} */
                impact: 'low' | 'medium' | 'high';
                major: boolean;
                /** Format: date-time */
                occurredAt: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
                serviceId: string;
                /** @enum {string} */
                ticketType: 'incident' | 'service-request' | 'complaint';
                title: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketOpened';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketAcknowledged';
            }
          | {
              data: {
                assignee: string;
                /** Format: date-time */
                occurredAt: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketAssigned';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
                /** @enum {string} */
                priority: 'P1' | 'P2' | 'P3' | 'P4';
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketPriorityChanged';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
                reason: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketPausedAwaitingCustomer';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketResumed';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
                resolution: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketResolved';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
                reason: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketReopened';
            }
          | {
              data: {
                /** Format: date-time */
                occurredAt: string;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'TicketClosed';
            }
          | {
              data: {
                /** @default  */
                comment?: string;
                /** Format: date-time */
                occurredAt: string;
                score: number;
              };
              externalId: string;
              source: string;
              /** @constant */
              type: 'CustomerSatisfactionRecorded';
            };
      };
    };
    responses: {
      /** @description a redelivery: already stored, nothing written */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            streamRevision: string;
            ticketId: string;
          };
        };
      };
      /** @description stored */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            streamRevision: string;
            ticketId: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postWebhooksAlertmanager: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          alerts: ({
            endsAt: string;
            fingerprint: string;
            labels: {
              [key: string]: string;
            };
            /** Format: date-time */
            startsAt: string;
            /** @enum {string} */
            status: 'firing' | 'resolved';
          } & {
            [key: string]: unknown;
          })[];
          receiver: string;
          /** @enum {string} */
          status: 'firing' | 'resolved';
          /** @constant */
          version: '4';
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description what became of each alert */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            outcomes: {
              fingerprint: string;
              outageId: string | null;
              /** @enum {string} */
              outcome: 'started' | 'ended' | 'duplicate' | 'conflict' | 'unmapped' | 'refused';
              reason?: string;
            }[];
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
  postWebhooksJsonBySource: {
    parameters: {
      query?: never;
      header?: {
        /** @description who acts, only while access control is off (development): exactly one actor, 1-100 letters, digits or . _ @ : + -, required on writes; otherwise the API key's actor is recorded */
        'X-Actor'?: string;
      };
      path: {
        source: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown;
      };
    };
    responses: {
      /** @description a redelivery, or a payload no rule maps */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                duplicate: boolean;
                fact: string;
                /** @constant */
                outcome: 'duplicate';
                streamRevision: string;
                ticketId: string;
              }
            | {
                /** @constant */
                outcome: 'ignored';
                reason: string;
              };
        };
      };
      /** @description recorded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            duplicate: boolean;
            fact: string;
            /** @constant */
            outcome: 'recorded';
            streamRevision: string;
            ticketId: string;
          };
        };
      };
      /** @description invalid request: each offending field and the reason */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description missing or wrong signature */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description the key's role may not call this, or the agreement is not the customer's own */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description unknown resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description conflict: stale If-Match, concurrent change, or a state that forbids the command */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description a business rule refused the command */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
      /** @description too many requests: retry after the seconds in Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              code: string;
              details?: unknown;
              issues?: {
                message: string;
                path: string;
              }[];
              message: string;
            };
          };
        };
      };
    };
  };
}
