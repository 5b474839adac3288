import { loadSmallDemo, type LoadedDemo } from '../support/demo';

/** The `small` demo's agreements content: underpinning OLAs/UCs, the accepted gap, the amendment, renewal, notice. */
describe('npm run demo (small): agreements', () => {
  let demo: LoadedDemo;
  let http: LoadedDemo['http'];
  let expected: LoadedDemo['scenario']['expectations']['agreements'];

  beforeAll(async () => {
    demo = await loadSmallDemo('demo_agreements');
    ({ http } = demo);
    expected = demo.scenario.expectations.agreements;
  }, 600_000);
  afterAll(async () => demo?.api.close());

  it('has OLAs with two internal teams and UCs with two suppliers, in effect from 1 January', async () => {
    expect(expected.underpinning.filter(({ kind }) => kind === 'OLA')).toHaveLength(2);
    expect(expected.underpinning.filter(({ kind }) => kind === 'UC')).toHaveLength(2);
    for (const kind of ['OLA', 'UC'] as const) {
      const page = (await http.get(`/agreements?kind=${kind}`)).body;
      expect(page.items.map((item: { agreementId: string }) => item.agreementId).sort()).toEqual(
        expected.underpinning
          .filter((agreement) => agreement.kind === kind)
          .map(({ agreementId }) => agreementId)
          .sort(),
      );
      for (const item of page.items) expect(item).toMatchObject({ status: 'in-effect', approvedVersion: 1 });
    }
    for (const { agreementId } of expected.underpinning) {
      const inForce = (await http.get(`/agreements/${agreementId}/in-force?at=2026-01-01T00:00:00Z`)).body;
      expect(inForce.inForce).toMatchObject({ version: 1 });
    }
  });

  it('links the amended SLA to its OLA/UC targets with exactly one gap, signed with a risk acceptance', async () => {
    const { agreementId, version, ...gap } = expected.acceptedGap;
    const agreement = (await http.get(`/agreements/${agreementId}`)).body;
    const amended = agreement.versions.find((candidate: { version: number }) => candidate.version === version);
    expect(amended.underpinningGaps).toEqual([expect.objectContaining(gap)]);
    expect(amended.signatures).toHaveLength(2);
    for (const signature of amended.signatures)
      expect(signature.riskAcceptance).toMatchObject({ reason: expect.any(String) });
    const { content } = amended;
    const supporting = new Set(expected.underpinning.map(({ agreementId: id }) => id));
    for (const target of [...content.serviceTargets, ...content.availabilityTargets]) {
      expect(target.supportedBy).toHaveLength(1);
      expect(supporting.has(target.supportedBy[0].agreementId)).toBe(true);
    }
  });

  it('puts version 1 in force before the amendment and version 2 from its month on', async () => {
    const { agreementId, changeRequest, effectiveFrom, inForce } = expected.amended;
    expect(new Set(inForce.map(({ version }) => version))).toEqual(new Set([1, 2]));
    for (const month of inForce) {
      const answer = (await http.get(`/agreements/${agreementId}/in-force?at=${month.at}`)).body;
      expect({ period: month.period, version: answer.inForce?.version }).toEqual({
        period: month.period,
        version: month.version,
      });
      expect(answer.inForce.changeRequest).toBe(month.version === 2 ? changeRequest : null);
    }
    const justBefore = new Date(Date.parse(effectiveFrom) - 1).toISOString();
    expect((await http.get(`/agreements/${agreementId}/in-force?at=${justBefore}`)).body.inForce.version).toBe(1);
    const diff = (await http.get(`/agreements/${agreementId}/diff?from=1&to=2`)).body;
    expect(diff.changeRequest).toBe(changeRequest);
    // Only links, credits, risks and the date change: the targets tickets are judged by stay as they were.
    for (const change of diff.changes as { path: string }[]) {
      expect(change.path).toMatch(/supportedBy|serviceCredits|risks|effectiveFrom/);
    }
  });

  it('shows one SLA under termination notice and one renewed', async () => {
    const terminated = (await http.get(`/agreements/${expected.terminated.agreementId}`)).body;
    expect(terminated.status).toBe('terminating');
    expect(Date.parse(terminated.terminatesAt)).toBe(Date.parse(expected.terminated.terminatesAt));
    const renewed = (await http.get(`/agreements/${expected.renewed.agreementId}`)).body;
    expect(renewed.status).toBe('in-effect');
    expect(Date.parse(renewed.expiresAt)).toBe(Date.parse(expected.renewed.expiresAt));
    // The notice ends the agreement after the small span: its February figures are still measured.
    expect(Date.parse(expected.terminated.terminatesAt)).toBeGreaterThan(Date.parse('2026-03-01T00:00:00Z'));
  });
});
