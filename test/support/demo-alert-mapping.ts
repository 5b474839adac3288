import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoAlertMapping, type DemoScenario } from '@sla/demo';

/** The demo's Alertmanager mapping in a file of its own, for `ALERTMANAGER_MAPPING_FILE` (as `npm run demo` does). */
export function writeDemoAlertMapping(scenario: DemoScenario): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-demo-alerts-')), 'alertmanager-mapping.json');
  writeFileSync(file, JSON.stringify(demoAlertMapping(scenario.services.map(({ serviceId }) => serviceId))));
  return file;
}
