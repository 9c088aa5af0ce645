import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../electron/simulator/core/rng';
import { dynamoScenarioSchema } from '../../../../electron/simulator/services/dynamodb';
import { generateDynamoSection } from '../../../../electron/simulator/services/dynamodb/generate';

describe('generateDynamoSection', () => {
  it('builds a valid section of exactly the requested size counting replicas and backups', () => {
    const section = dynamoScenarioSchema.parse(generateDynamoSection(createRng(13), 2_500));
    const total = section.tables.reduce((n, t) => n + 1 + t.replicas.length + t.backups.length, 0);
    expect(total).toBe(2_500);
    expect(section.tables.some((t) => t.replicas.length > 0)).toBe(true);
  });
});
