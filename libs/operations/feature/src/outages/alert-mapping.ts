import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Which alerts are outages of which service: the first rule whose labels all
 * match the alert's labels wins. Kept in a JSON file (ALERTMANAGER_MAPPING_FILE):
 *
 *   [{ "match": { "job": "mail", "severity": "critical" }, "serviceId": "email", "impact": "full" },
 *    { "match": { "job": "mail" }, "serviceId": "email", "impact": "partial", "weight": 0.5 }]
 */
export const alertMappingSchema = z.array(
  z.strictObject({
    match: z.record(z.string(), z.string()),
    serviceId: z.string().min(1),
    impact: z.enum(['full', 'partial', 'degraded']),
    weight: z.number().gt(0).lt(1).optional(),
  }),
);

export type AlertMapping = z.infer<typeof alertMappingSchema>;

export function loadAlertMapping(file: string | undefined): AlertMapping {
  if (!file) return [];
  return alertMappingSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function mapAlert(mapping: AlertMapping, labels: Readonly<Record<string, string>>) {
  // Own labels only: a rule matching `constructor` must not see Object.prototype's.
  return mapping.find((rule) =>
    Object.entries(rule.match).every(([label, value]) => Object.hasOwn(labels, label) && labels[label] === value),
  );
}
