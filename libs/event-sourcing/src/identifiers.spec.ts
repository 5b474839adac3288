import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { instantSchema, opaqueIdSchema, slugSchema } from './identifiers';

const repository = path.resolve(__dirname, '../../..');

describe('the id and instant shapes', () => {
  it('take an instant only with its offset', () => {
    expect(instantSchema.safeParse('2026-03-01T09:00:00+08:00').success).toBe(true);
    expect(instantSchema.safeParse('2026-03-01T01:00:00Z').success).toBe(true);
    expect(instantSchema.safeParse('2026-03-01T09:00:00').success).toBe(false);
  });

  it('take a slug of 2-63 lower-case letters, digits and dashes, and say so when refusing one', () => {
    expect(slugSchema.safeParse('vpn-2026').success).toBe(true);
    expect(slugSchema.safeParse('a'.repeat(63)).success).toBe(true);
    for (const refused of ['v', 'VPN', '-vpn', 'a'.repeat(64), 'vpn service']) {
      const result = slugSchema.safeParse(refused);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe('lower-case letters, digits and dashes, 2-63 characters');
    }
  });

  it("take another tool's id of letters, digits and . _ : - up to its length", () => {
    expect(opaqueIdSchema(100).safeParse('INC-42.a_b:c').success).toBe(true);
    expect(opaqueIdSchema(100).safeParse('a'.repeat(100)).success).toBe(true);
    expect(opaqueIdSchema(100).safeParse('a'.repeat(101)).success).toBe(false);
    expect(opaqueIdSchema(200).safeParse('a'.repeat(200)).success).toBe(true);
    expect(opaqueIdSchema(200).safeParse('.hidden').error?.issues[0].message).toBe(
      'letters, digits and . _ : -, up to 200 characters',
    );
  });

  it('are defined here only: no other source file writes an offset date-time or an id pattern itself', () => {
    const copies = [
      'z.iso.datetime({ offset: true })',
      '/^[a-z0-9][a-z0-9-]{1,62}$/',
      '[A-Za-z0-9._:-]{0,99}',
      '[A-Za-z0-9._:-]{0,199}',
    ];
    const sources = execFileSync('git', ['ls-files', '--', 'apps/*.ts', 'libs/*.ts'], { cwd: repository })
      .toString()
      .split('\n')
      .filter((file) => file && !file.endsWith('.spec.ts') && file !== 'libs/event-sourcing/src/identifiers.ts');
    const found = sources.flatMap((file) => {
      const text = readFileSync(path.join(repository, file), 'utf8');
      return copies.filter((copy) => text.includes(copy)).map((copy) => `${file}: ${copy}`);
    });
    expect(found).toEqual([]);
  });
});
