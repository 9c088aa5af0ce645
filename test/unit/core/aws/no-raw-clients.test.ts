import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');
const CLIENT_NEW = /new\s+(S3|RDS|EC2|DynamoDB|STS|SSO|SSOOIDC|S3Control|IAM|KMS|Backup)Client\s*\(/;
const RAW_SEND = /@aws-sdk\/client-[a-z0-9-]+['"][\s\S]*?\bnew\s+\w+Client\s*\(/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(full)));
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) files.push(full);
  }
  return files;
}

describe('sending outside the registry is impossible by construction', () => {
  it('no app code outside electron/core/aws constructs an AWS SDK client', async () => {
    const allowed = path.join(root, 'electron', 'core', 'aws') + path.sep;
    const files = [
      ...(await sourceFiles(path.join(root, 'electron'))),
      ...(await sourceFiles(path.join(root, 'renderer'))),
    ];
    const offenders: string[] = [];
    for (const file of files) {
      if (file.startsWith(allowed)) continue;
      // The simulator answers requests; it never sends them.
      if (file.includes(`${path.sep}simulator${path.sep}`)) continue;
      const text = await readFile(file, 'utf8');
      if (CLIENT_NEW.test(text) || RAW_SEND.test(text)) offenders.push(path.relative(root, file));
    }
    expect(offenders, 'construct clients with createAwsClients() from electron/core/aws instead').toEqual([]);
  });
});
