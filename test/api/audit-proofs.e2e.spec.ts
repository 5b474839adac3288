import { verify, createPublicKey } from 'node:crypto';
import { eventLeaf, leafHash, treeHeadMessage, verifyConsistency, verifyInclusion } from '@sla/audit-domain';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, httpClient } from '@sla/test-support';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

/** What an auditor checks without trusting the database: the head's signature, then the proofs against it. */
describe('audit proofs over HTTP (real app, real PostgreSQL)', () => {
  let api: TestApi;
  let http: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    api = await startTestApi('audit_proofs');
    http = httpClient(api.baseUrl, { 'x-actor': 'slm' }, api.conformance);
    for (const serviceId of ['crm', 'erp', 'hr', 'mail', 'vpn']) {
      expect(
        (await http.post('/services', { serviceId, name: serviceId, owner: { name: 'Li Wei' }, changeRequest: 'CR-1' }))
          .status,
      ).toBe(201);
    }
    await eventually(async () => ((await http.get('/services/vpn')).status === 200 ? true : undefined));
  });
  afterAll(() => api?.close());

  it('serves signed heads, and inclusion and consistency proofs that verify against them', async () => {
    const first =
      (await api.infrastructure.logSealer.seal(true)).head ?? (await http.get('/audit/tree-heads')).body.items[0];
    for (const serviceId of ['wiki', 'chat'])
      await http.post('/services', { serviceId, name: serviceId, owner: { name: 'Li Wei' }, changeRequest: 'CR-2' });
    await eventually(async () => ((await http.get('/services/chat')).status === 200 ? true : undefined));
    const second = (await api.infrastructure.logSealer.seal(true)).head!;
    expect(second.treeSize).toBeGreaterThan(first.treeSize);

    const { items: heads, keys } = (await http.get('/audit/tree-heads')).body;
    const latest = heads[0];
    expect(latest).toMatchObject({ treeSize: second.treeSize, rootHash: second.rootHash });
    const publicKey = createPublicKey(keys.find((key: { keyId: string }) => key.keyId === latest.keyId).publicKeyPem);
    expect(
      verify(
        null,
        Buffer.from(treeHeadMessage(latest.treeSize, bytes(latest.rootHash), latest.signedAt)),
        publicKey,
        Buffer.from(latest.signature, 'base64'),
      ),
    ).toBe(true);

    // The auditor recomputes the leaf from the event as stored and checks its path to the signed root.
    const { events } = await api.infrastructure.rawEventStore.readAll({ maxCount: 100 });
    const event = events.find((candidate) => candidate.streamName === 'service-hr')!;
    const inclusion = (await http.get(`/audit/events/${event.id}/inclusion-proof`)).body;
    expect(inclusion.leafHash).toBe(leafHash(eventLeaf(event)).toString('hex'));
    expect(
      verifyInclusion(
        inclusion.leafIndex,
        latest.treeSize,
        bytes(inclusion.leafHash),
        inclusion.proof.map(bytes),
        bytes(latest.rootHash),
      ),
    ).toBe(true);
    expect(
      verifyInclusion(
        inclusion.leafIndex,
        latest.treeSize,
        leafHash(Buffer.from('forged')),
        inclusion.proof.map(bytes),
        bytes(latest.rootHash),
      ),
    ).toBe(false);

    const consistency = (await http.get(`/audit/consistency-proof?from=${first.treeSize}&to=${second.treeSize}`)).body;
    expect(
      verifyConsistency(
        first.treeSize,
        second.treeSize,
        bytes(consistency.first.rootHash),
        bytes(consistency.second.rootHash),
        consistency.proof.map(bytes),
      ),
    ).toBe(true);
  });

  it('answers with the reason when there is nothing to prove', async () => {
    expect(await http.get('/audit/events/00000000-0000-4000-8000-000000000000/inclusion-proof')).toMatchObject({
      status: 404,
      body: { error: { code: 'EVENT_NOT_SEALED' } },
    });
    expect(await http.get('/audit/consistency-proof?from=9&to=3')).toMatchObject({
      status: 422,
      body: { error: { code: 'BAD_TREE_SIZE' } },
    });
    expect(await http.get('/audit/consistency-proof?from=1&to=999999')).toMatchObject({
      status: 404,
      body: { error: { code: 'NO_TREE_HEAD' } },
    });
  });
});
