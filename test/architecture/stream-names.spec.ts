import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Product source: what ships, not tests, test doubles or benchmarks. */
function productSource(): string[] {
  return execFileSync('git', ['ls-files', 'apps/*.ts', 'libs/*.ts'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && !/\.spec\.ts$|\/testing\//.test(file));
}

/**
 * A stream name typed by hand (`service-report-${id}`) is how categories
 * collided (issue 13): every stream the product reads or writes is named by
 * its context's function built on streamName(category, id).
 */
const HAND_MADE_STREAM_NAME = [
  /\b(?:appendToStream|readStream)\(\s*[`'"]/,
  /\bhandleCommand\(\s*[\w.]+,\s*[`'"]/,
  /StreamName\s*=\s*\([^)]*\)\s*=>\s*`/,
];

describe('stream names in the product source', () => {
  it('are never typed by hand: every stream is named through streamName', () => {
    const offenders = productSource().flatMap((file) =>
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          HAND_MADE_STREAM_NAME.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('finds a hand-made stream name (the check itself works)', () => {
    const samples = [
      'await store.appendToStream(`sla-watch-${ticketId}`, events, "any");',
      "const events = await store.readStream('service-report-' + id);",
      'await handleCommand(this.store, `breach-follow-up-${id}`, decider, command, options);',
      'export const reviewStreamName = (reviewId: string) => `review-${reviewId}`;',
    ];
    expect(samples.filter((line) => HAND_MADE_STREAM_NAME.some((pattern) => pattern.test(line)))).toEqual(samples);
  });
});
