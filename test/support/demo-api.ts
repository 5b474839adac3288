import { generateDemoScenario, type DemoScenario } from '@sla/demo';
import { loadDemo } from '../../apps/demo/src/load-demo';
import { readShippedChinaCalendar } from '../../apps/demo/src/shipped-calendar';
import { writeDemoAlertMapping } from './demo-alert-mapping';
import { startTestApi, type TestApi } from './test-api';

/** The real API with the `small` demo set (January and February 2026) loaded through its HTTP endpoints. */
export async function startSmallDemoApi(purpose: string): Promise<{ api: TestApi; scenario: DemoScenario }> {
  const scenario = generateDemoScenario({
    seed: 20260101,
    size: 'small',
    chinaBusinessHours: readShippedChinaCalendar(),
  });
  const api = await startTestApi(purpose, { ALERTMANAGER_MAPPING_FILE: writeDemoAlertMapping(scenario) });
  // Every fact of the small set lies before this instant, so all of it is loaded.
  await loadDemo({ baseUrl: api.baseUrl, scenario, now: () => new Date('2026-12-01T00:00:00Z') });
  return { api, scenario };
}
