import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientTokenFor, defaultNameSuffix, deriveTargetName } from '../../../../electron/core/recover/names';

describe('target names and tokens', () => {
  it('derives valid RDS identifiers from any source name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (source) => {
        const name = deriveTargetName('rds', source, defaultNameSuffix('DR-20261126-01'));
        expect(name.length).toBeLessThanOrEqual(63);
        expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(name).not.toMatch(/--|-$/);
        expect(name.endsWith('-dr-20261126-01')).toBe(true);
      }),
    );
  });

  it('derives DynamoDB table names within 255 characters of the allowed set', () => {
    const name = deriveTargetName('dynamodb', 'orders events/v2', '-dr');
    expect(name).toBe('orders-events-v2-dr');
  });

  it('makes stable client tokens of at most 64 characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(99), (incident, action, attempt) => {
        const token = clientTokenFor(incident, action, attempt);
        expect(token.length).toBeLessThanOrEqual(64);
        expect(token).toBe(clientTokenFor(incident, action, attempt));
      }),
    );
    expect(clientTokenFor('A', 'x')).not.toBe(clientTokenFor('B', 'x'));
  });
});
