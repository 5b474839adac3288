import type { AgreementContent } from './agreement-content';
import { AgreementError } from './agreement.errors';

/**
 * Every service an agreement names must be in the catalogue (and not
 * retired), every calendar a target is measured in must be defined:
 * otherwise no figure could ever be computed for it.
 */
export function assertKnownReferences(
  content: AgreementContent,
  knownServices: ReadonlySet<string>,
  knownCalendars: ReadonlySet<string>,
): void {
  const services = new Set([
    ...content.services,
    ...content.serviceTargets.map((target) => target.serviceId),
    ...content.availabilityTargets.map((target) => target.serviceId),
  ]);
  const unknownServices = [...services].filter((service) => !knownServices.has(service));
  const calendars = new Set([
    ...content.serviceTargets.flatMap((target) => [target.response.calendarId, target.resolution.calendarId]),
    ...content.availabilityTargets.map((target) => target.calendarId),
  ]);
  const unknownCalendars = [...calendars].filter((calendar) => !knownCalendars.has(calendar));
  if (unknownServices.length > 0) {
    throw new AgreementError(
      'UNKNOWN_SERVICE',
      `not in the service catalogue (or retired): ${unknownServices.join(', ')}`,
      unknownServices,
    );
  }
  if (unknownCalendars.length > 0) {
    throw new AgreementError(
      'UNKNOWN_CALENDAR',
      `no such service-hours calendar: ${unknownCalendars.join(', ')}`,
      unknownCalendars,
    );
  }
}
