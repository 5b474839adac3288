import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * How a tool's own JSON becomes ticket facts, per source (JSON_WEBHOOK_SOURCES_FILE).
 * A value is a dotted path into the payload (`issue.fields.summary`) or, after
 * `=`, a constant (`=incident`, `=false`, `=2`). The first rule whose `when`
 * paths all equal their values applies; `secret` turns on HMAC-SHA256
 * verification of the raw body against `signatureHeader` (`sha256=<hex>` or `<hex>`).
 */
export const jsonWebhookSourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'not a source name: 1-63 of a-z, 0-9 and -');

export const jsonWebhookSourcesSchema = z.record(
  jsonWebhookSourceName,
  z.strictObject({
    secret: z.string().min(16).optional(),
    signatureHeader: z.string().min(1).default('x-signature-256'),
    rules: z
      .array(
        z.strictObject({
          when: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
          fact: z.string().regex(/^Ticket[A-Za-z]+$|^CustomerSatisfactionRecorded$/),
          ticketId: z.string().min(1),
          externalId: z.string().min(1),
          data: z.record(z.string(), z.string()),
        }),
      )
      .min(1),
  }),
);

export type JsonWebhookSources = z.infer<typeof jsonWebhookSourcesSchema>;
export type JsonWebhookSource = JsonWebhookSources[string];
export type JsonWebhookRule = JsonWebhookSource['rules'][number];

/** The configured source of that name; own properties only, so `constructor` or `__proto__` name nothing. */
export function sourceNamed(sources: JsonWebhookSources, name: string): JsonWebhookSource | undefined {
  return Object.hasOwn(sources, name) ? sources[name] : undefined;
}

export function loadJsonWebhookSources(file: string | undefined): JsonWebhookSources {
  if (!file) return {};
  return jsonWebhookSourcesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The value at a dotted path (the payload's own fields only, never inherited ones), or the constant after `=`. */
export function valueOf(payload: unknown, expression: string): unknown {
  if (expression.startsWith('=')) {
    const literal = expression.slice(1);
    try {
      return JSON.parse(literal);
    } catch {
      return literal;
    }
  }
  let current: unknown = payload;
  for (const key of expression.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function matchingRule(rules: readonly JsonWebhookRule[], payload: unknown): JsonWebhookRule | undefined {
  return rules.find((rule) =>
    Object.entries(rule.when).every(([path, expected]) => valueOf(payload, path) === expected),
  );
}
