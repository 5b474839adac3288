import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarFromJson, type CalendarDefinition } from '@sla/sla-clock';

/**
 * The official Chinese 2026 schedule shipped in libs/sla-clock/data. The build copies it beside the compiled code,
 * so the same relative path works from apps/demo/src and from dist/apps/demo/src.
 */
export function readShippedChinaCalendar(): CalendarDefinition {
  const file = path.join(__dirname, '../../../libs/sla-clock/data/cn-2026-business-hours.calendar.json');
  return calendarFromJson(readFileSync(file, 'utf8'));
}
