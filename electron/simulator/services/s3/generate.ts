import type { Rng } from '../../core/types';
import type { S3Section } from './scenario';

const APPS = [
  'orders',
  'payments',
  'catalog',
  'search',
  'analytics',
  'media',
  'identity',
  'billing',
  'reports',
  'ml',
];

/**
 * A seeded S3 section with `count` buckets for large-estate benchmarks: production buckets in
 * us-east-1 (most replicated to a us-west-2 replica, which counts towards `count`), development
 * buckets in both regions, each with a few small objects.
 */
export function generateS3Section(rng: Rng, count: number): S3Section {
  const buckets: S3Section['buckets'] = [];
  let index = 0;
  while (buckets.length < count) {
    index += 1;
    const app = rng.pick(APPS);
    const production = rng.next() < 0.6;
    const tier = production ? 'production' : 'development';
    const name = `gen-${tier === 'production' ? 'prod' : 'dev'}-${app}-${String(index).padStart(5, '0')}`;
    const region = production ? 'us-east-1' : rng.pick(['us-east-1', 'us-west-2']);
    const replicate = production && rng.next() < 0.85 && buckets.length + 2 <= count;
    const objects = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
      key: `${app}/part-${i}.dat`,
      size: rng.int(64, 512),
      ageDays: rng.int(0, 400),
      storageClass: 'STANDARD' as const,
      contentType: 'application/octet-stream',
      deleteMarker: false,
      previousVersions: [],
      checksum: true,
    }));
    buckets.push({
      name,
      region,
      ageDays: rng.int(30, 2000),
      versioning: production ? 'Enabled' : undefined,
      tags: { tier, environment: tier, application: app },
      objects,
      ...(replicate
        ? {
            replication: {
              role: 'arn:aws:iam::{accountId}:role/s3-replication',
              rules: [
                {
                  id: 'dr',
                  priority: 1,
                  status: 'Enabled' as const,
                  prefix: '',
                  destinationBucket: `${name}-dr`,
                },
              ],
            },
          }
        : {}),
    });
    if (replicate) {
      buckets.push({
        name: `${name}-dr`,
        region: 'us-west-2',
        ageDays: rng.int(30, 2000),
        versioning: 'Enabled',
        tags: { tier, environment: tier, application: app, role: 'replica' },
        objects: [],
      });
    }
  }
  return { buckets };
}
