import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoAlertMapping, generateDemoScenario, type DemoScenario } from '@sla/demo';
import { loadDemo, type DemoLoadSummary } from '../../apps/demo/src/load-demo';
import { readShippedChinaCalendar } from '../../apps/demo/src/shipped-calendar';
import { httpClient } from './http';
import { startTestApi, type TestApi } from './test-api';

/** The small scenario is January to April 2026: every fact and step of it is in the past from here on. */
export const SMALL_DEMO_NOW = () => new Date('2026-12-01T00:00:00Z');

/** The `small` scenario of the default seed, as `npm run demo -- --size small` builds it. */
export const smallDemoScenario = (): DemoScenario =>
  generateDemoScenario({ seed: 20260101, size: 'small', chinaBusinessHours: readShippedChinaCalendar() });

/** The demo's Alertmanager mapping in a file of its own, for `ALERTMANAGER_MAPPING_FILE` (as `npm run demo` does). */
export function writeDemoAlertMapping(scenario: DemoScenario): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sla-demo-alerts-')), 'alertmanager-mapping.json');
  writeFileSync(file, JSON.stringify(demoAlertMapping(scenario.services.map(({ serviceId }) => serviceId))));
  return file;
}

/** A real API with the demo's alert mapping, as the API `npm run demo` starts. */
export const startDemoApi = (name: string, scenario: DemoScenario): Promise<TestApi> =>
  startTestApi(name, { ALERTMANAGER_MAPPING_FILE: writeDemoAlertMapping(scenario) });

export type LoadedDemo = {
  readonly api: TestApi;
  readonly http: ReturnType<typeof httpClient>;
  readonly scenario: DemoScenario;
  readonly summary: DemoLoadSummary;
};

/** A real API on its own database, with the `small` demo loaded through it over HTTP. */
export async function loadSmallDemo(name: string, scenario = smallDemoScenario()): Promise<LoadedDemo> {
  const api = await startDemoApi(name, scenario);
  try {
    const summary = await loadDemo({ baseUrl: api.baseUrl, scenario, now: SMALL_DEMO_NOW });
    return { api, http: httpClient(api.baseUrl, {}, api.conformance), scenario, summary };
  } catch (error) {
    await api.close();
    throw error;
  }
}
