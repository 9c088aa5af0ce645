import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIamPolicy, type IamPolicy } from '../../../electron/core/aws/iam-policy';
import { loadProcedure } from '../../../electron/core/runbooks/load-procedure';
import type { ReapplyResult } from '../../../electron/core/validate/types';
import { denied } from '../../support/iam-evaluator';
import { recordAuthorizations, type IamRecording } from '../../support/iam-recording';
import { BUNDLED_RUNBOOKS_DIR } from '../../support/test-core';
import { asRestoreLeftIt, recovered, resourceOf, type Recovered } from '../validate/support';

/**
 * Validation after a recovery, and re-applying what a DynamoDB restore does not carry over (PITR
 * and the source table's own tags, without the app's tag in that request), are allowed by the
 * generated IAM policy: the target already carries the app's tag (`DynamodbReapplyOnOwnTables`).
 */

const CARTS = 'arn:aws:dynamodb:us-east-1:123456789012:table/carts';

let r: Recovered;
let policy: IamPolicy;
let recording: IamRecording;

beforeAll(async () => {
  policy = buildIamPolicy((await loadProcedure(BUNDLED_RUNBOOKS_DIR)).regions);
  r = await recovered({ sourceUp: true, names: ['carts'] });
  recording = recordAuthorizations(r.sim);
}, 120_000);

afterAll(async () => {
  await r.close();
});

describe('validation and re-applying settings under the generated IAM policy', () => {
  it('allows every request of a validation and of re-applying PITR and the source tags', async () => {
    const first = await r.validate({ only: [CARTS] });
    const table = resourceOf(first, CARTS).targetId;
    asRestoreLeftIt(r.sim, table);
    const result = await r.call<ReapplyResult>('validate.reapply', {
      incidentId: r.incidentId,
      resourceId: CARTS,
    });
    expect(result.applied.map((a) => a.setting).sort()).toEqual(['pitr', 'tags']);
    const tagging = recording.sent.find((s) => s.operation === 'TagResource')!;
    // The request carries only the source's tags: it is allowed because the table is the app's.
    expect(JSON.stringify(tagging.json)).not.toContain('dr-war-room:incident');
    expect(recording.unreadable).toEqual([]);
    expect(denied(policy, recording.authorizations)).toEqual([]);
  });
});
