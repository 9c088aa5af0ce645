import { describe, expect, it } from 'vitest';
import { findOperation } from '../../../../electron/core/aws/operations';
import { REAPPLY_OPERATIONS, validationOperations } from '../../../../electron/core/validate/send';

describe('what validation may send', () => {
  it('every operation is in the registry: reads, and the three re-apply writes as creates on targets', () => {
    const ops = validationOperations();
    expect(ops.length).toBeGreaterThan(10);
    for (const { service, operation } of ops) {
      const registered = findOperation(service, `${operation}Command`);
      expect(registered, `${service} ${operation}`).toBeDefined();
      expect(registered!.kind, `${service} ${operation}`).toBe(
        REAPPLY_OPERATIONS.includes(operation) ? 'create' : 'read',
      );
    }
    expect(ops.filter((o) => REAPPLY_OPERATIONS.includes(o.operation)).map((o) => o.service)).toEqual([
      'dynamodb',
      'dynamodb',
      'dynamodb',
    ]);
  });
});
