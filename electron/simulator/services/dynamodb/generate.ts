import type { Rng } from '../../core/types';
import type { DynamoSectionInput } from './scenario';

const APPS = [
  'orders',
  'sessions',
  'carts',
  'events',
  'profiles',
  'flags',
  'ledger',
  'audit',
  'inventory',
  'search',
];

/**
 * A seeded DynamoDB section of about `count` resources (tables, replicas and backups) for
 * large-estate benchmarks; each table holds a few generated items.
 */
export function generateDynamoSection(rng: Rng, count: number): DynamoSectionInput {
  const tables: NonNullable<DynamoSectionInput['tables']> = [];
  let used = 0;
  let n = 0;
  while (used < count) {
    const app = rng.pick(APPS);
    const production = rng.next() < 0.6;
    const global = production && rng.next() < 0.3 && used + 2 <= count;
    const backup = production && rng.next() < 0.3 && used + (global ? 3 : 2) <= count;
    tables.push({
      name: `gen-${production ? 'prod' : 'dev'}-${app}-${String(n).padStart(5, '0')}`,
      region: production ? 'us-east-1' : rng.pick(['us-east-1', 'us-west-2']),
      partitionKey: { name: 'pk', type: 'S' },
      pitr: production && rng.next() < 0.9 ? { recoveryPeriodDays: 35 } : false,
      tags: { environment: production ? 'production' : 'development', application: app },
      ...(global ? { replicas: ['us-west-2'] } : {}),
      generatedItems: { count: rng.int(1, 5), over: '2d' },
      ...(backup ? { backups: [{ name: `gen-${app}-${n}-weekly`, age: `${rng.int(1, 7)}d` }] } : {}),
    });
    used += 1 + (global ? 1 : 0) + (backup ? 1 : 0);
    n += 1;
  }
  return { tables };
}
