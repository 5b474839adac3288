import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDemo } from '../../apps/demo/src/load-demo';
import { httpClient } from '../support';
import { SMALL_DEMO_NOW, smallDemoScenario, writeDemoAlertMapping } from '../support/demo';
import { startTestApi, type TestApi } from '../support/test-api';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const keyOf = (actor: string) => `demo-key-${actor}-${sha256(actor).slice(0, 8)}`;

/**
 * The demo loaded into an API with access control on: the API records each write under its key's actor, so one key
 * cannot sign for both parties of an agreement. With a key per actor (DEMO_ACTOR_KEYS_FILE) the whole small demo
 * loads and every fact is recorded under the scenario's own actor; with one key the load stops and says what to do.
 */
describe('the demo with access control on', () => {
  const scenario = smallDemoScenario();
  const actors = [
    ...new Set([
      ...scenario.agreements.flatMap((agreement) => agreement.signatures.map((signature) => signature.actor)),
      ...scenario.steps.map((step) => step.actor),
    ]),
  ];
  const loaderKey = keyOf('demo.loader');
  const apis: TestApi[] = [];
  let keysFile: string;

  beforeAll(() => {
    keysFile = path.join(mkdtempSync(path.join(tmpdir(), 'sla-demo-keys-')), 'keys.json');
    // Administrators may record either party's signature; each actor's own key keeps the two parties apart.
    writeFileSync(
      keysFile,
      JSON.stringify(
        ['demo.loader', ...actors].map((actor) => ({ keySha256: sha256(keyOf(actor)), actor, role: 'admin' })),
      ),
    );
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
  });

  const startApi = async (name: string) => {
    const api = await startTestApi(name, {
      ALERTMANAGER_MAPPING_FILE: writeDemoAlertMapping(scenario),
      AUTH_API_KEYS_FILE: keysFile,
    });
    apis.push(api);
    return api;
  };

  it('stops at the first counterparty signature with one key, naming the actor that needs its own', async () => {
    const api = await startApi('demo_one_key');
    const counterparty = scenario.agreements[0]!.signatures.find((signature) => signature.party === 'counterparty')!;
    await expect(
      loadDemo({
        baseUrl: api.baseUrl,
        scenario,
        now: SMALL_DEMO_NOW,
        headers: { authorization: `Bearer ${loaderKey}` },
      }),
    ).rejects.toThrow(
      new RegExp(`SAME_ACTOR_FOR_BOTH_PARTIES.*${counterparty.actor.replace('.', '\\.')} signs with its own key`),
    );
  }, 300_000);

  it('loads with a key per actor, each signature and step recorded under its own actor', async () => {
    const api = await startApi('demo_actor_keys');
    const summary = await loadDemo({
      baseUrl: api.baseUrl,
      scenario,
      now: SMALL_DEMO_NOW,
      headers: { authorization: `Bearer ${loaderKey}` },
      actorKeys: Object.fromEntries(actors.map((actor) => [actor, keyOf(actor)])),
    });
    expect(summary.added).toBeGreaterThan(0);

    const admin = httpClient(api.baseUrl, { authorization: `Bearer ${loaderKey}` }, api.conformance);
    for (const agreement of scenario.agreements) {
      const answer = await admin.get(`/agreements/${agreement.agreementId}/history`);
      expect(answer.status).toBe(200);
      const signers = (answer.body as { event: string; actor: string }[])
        .filter((fact) => fact.event === 'AgreementVersionSigned')
        .map((fact) => fact.actor);
      expect(signers).toEqual(expect.arrayContaining(agreement.signatures.map((signature) => signature.actor)));
    }
  }, 600_000);
});
