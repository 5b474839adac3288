import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, loadConfiguration } from '@sla/configuration';
import { openInfrastructure } from './infrastructure';

describe('AUDIT_HEAD_LOG_FILE', () => {
  it('is refused inside DATA_DIR, before anything is started: the published heads must be kept apart from the data', async () => {
    const dataFolder = mkdtempSync(path.join(tmpdir(), 'sla-head-log-data-'));
    const opened = openInfrastructure(
      loadConfiguration({
        DATA_DIR: dataFolder,
        AUDIT_HEAD_LOG_FILE: path.join(dataFolder, 'audit', 'heads.jsonl'),
        LOG_LEVEL: 'error',
      }),
    );
    await expect(opened).rejects.toThrow(ConfigurationError);
    await expect(opened).rejects.toThrow(/AUDIT_HEAD_LOG_FILE=".*heads\.jsonl": lies inside DATA_DIR/);
  });
});
