import type { DynamicModule, Type } from '@nestjs/common';
import { loadConfiguration } from '@sla/configuration';
import * as agreements from '@sla/agreements-feature';
import * as audit from '@sla/audit-feature';
import * as catalogue from '@sla/catalogue-feature';
import * as compliance from '@sla/compliance-feature';
import * as operations from '@sla/operations-feature';
import * as reports from '@sla/reports-feature';
import { ApiModule } from '../../apps/api/src/api.module';
import type { Infrastructure } from '@sla/composition';
import { productModules } from '@sla/composition';

const moduleOf = (entry: Type<unknown> | DynamicModule) => ('module' in entry ? entry.module : entry);

/** Every Nest module a feature library exports (by the naming rule: a class named `…Module`). */
const exportedFeatureModules = [agreements, audit, catalogue, compliance, operations, reports].flatMap((library) =>
  Object.values(library).filter(
    (value): value is Type<unknown> => typeof value === 'function' && value.name.endsWith('Module'),
  ),
);

describe('the product module list', () => {
  const configuration = loadConfiguration({ LOG_LEVEL: 'error' });
  const list = productModules(configuration, { reportDraftIntervalMilliseconds: 0 }).map(moduleOf);

  it('names every module the feature libraries export, each once', () => {
    expect(exportedFeatureModules.length).toBeGreaterThanOrEqual(7);
    expect(new Set(list)).toEqual(new Set(exportedFeatureModules));
    expect(list).toHaveLength(new Set(list).size);
  });

  it('is what the API module is built from (the CLI composes the same list)', () => {
    const api = ApiModule.register({ configuration } as Infrastructure, { now: () => new Date(0) });
    const imported = (api.imports ?? []).map((entry) => moduleOf(entry as Type<unknown> | DynamicModule));
    expect(imported).toEqual(expect.arrayContaining(list));
  });
});
