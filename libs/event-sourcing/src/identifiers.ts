import { z } from 'zod';

/**
 * The id and instant shapes every context uses, defined once: bodies, path parameters and event
 * schemas take them from here, so a 400 for a bad id reads the same wherever the id appears.
 */

/** An instant with its UTC offset (`2026-03-01T09:00:00+08:00`, `…Z`): business facts carry their own time. */
export const instantSchema = z.iso.datetime({ offset: true });

/** An id people choose (a service, calendar, agreement, review, plan): lower-case letters, digits and dashes. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2-63 characters');

/** An id another tool gave (a ticket, an outage): letters, digits and . _ : -, up to `maxLength` characters. */
export const opaqueIdSchema = (maxLength: 100 | 200) =>
  z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,${maxLength - 1}}$`),
      `letters, digits and . _ : -, up to ${maxLength} characters`,
    );
