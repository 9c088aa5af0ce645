import { ListObjectsV2Command, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../electron/simulator';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const keyArb = fc
  .array(fc.constantFrom('a', 'b', '/', 'c', ' ', '+'), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''));

async function listing(keys: string[]) {
  const sim = await createSimulator({
    scenarioData: {
      name: 'prop',
      title: 'Property',
      accountId: '111122223333',
      regions: ['us-east-1'],
      s3: {
        buckets: [
          {
            name: 'prop-bucket',
            region: 'us-east-1',
            versioning: 'Enabled',
            objects: keys.map((key) => ({
              key,
              content: key,
              previousVersions: [{ content: `old ${key}` }],
            })),
          },
        ],
      },
    },
  });
  const client = new S3Client({ region: 'us-east-1', credentials, requestHandler: sim.requestHandler });
  return { sim, client };
}

describe('S3 listing pagination (property)', () => {
  it('pages of ListObjectsV2 add up to the one-shot listing, for any keys, page size and delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(keyArb, { minLength: 0, maxLength: 15 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(undefined, '/'),
        async (keys, pageSize, delimiter) => {
          const { sim, client } = await listing(keys);
          try {
            const all = await client.send(
              new ListObjectsV2Command({ Bucket: 'prop-bucket', Delimiter: delimiter }),
            );
            const paged: string[] = [];
            const prefixes: string[] = [];
            let token: string | undefined;
            let pages = 0;
            do {
              const page = await client.send(
                new ListObjectsV2Command({
                  Bucket: 'prop-bucket',
                  Delimiter: delimiter,
                  MaxKeys: pageSize,
                  ContinuationToken: token,
                }),
              );
              expect(page.KeyCount).toBeLessThanOrEqual(pageSize);
              paged.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
              prefixes.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''));
              token = page.NextContinuationToken;
              pages += 1;
            } while (token && pages < 100);
            expect(paged).toEqual((all.Contents ?? []).map((c) => c.Key));
            expect(prefixes).toEqual((all.CommonPrefixes ?? []).map((p) => p.Prefix));
            if (!delimiter) expect([...paged].sort()).toEqual([...keys].sort());
          } finally {
            sim.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pages of ListObjectVersions visit every version exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(keyArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        async (keys, pageSize) => {
          const { sim, client } = await listing(keys);
          try {
            const seen: string[] = [];
            let keyMarker: string | undefined;
            let versionMarker: string | undefined;
            let pages = 0;
            for (;;) {
              const page = await client.send(
                new ListObjectVersionsCommand({
                  Bucket: 'prop-bucket',
                  MaxKeys: pageSize,
                  KeyMarker: keyMarker,
                  VersionIdMarker: versionMarker,
                }),
              );
              seen.push(...(page.Versions ?? []).map((v) => `${v.Key}#${v.VersionId}`));
              pages += 1;
              if (!page.IsTruncated || pages > 100) break;
              keyMarker = page.NextKeyMarker;
              versionMarker = page.NextVersionIdMarker;
            }
            expect(seen).toHaveLength(keys.length * 2);
            expect(new Set(seen).size).toBe(seen.length);
          } finally {
            sim.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
