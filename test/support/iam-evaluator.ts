import type { IamPolicy, IamStatement } from '../../electron/core/aws/iam-policy';

/** The value of a condition key in a request: one string, or a list (aws:TagKeys). */
export type ContextValue = string | readonly string[];

/**
 * One authorisation AWS makes for a request: an action on one resource ARN, with the request's
 * condition keys (`aws:RequestedRegion`, `aws:RequestTag/K`, `aws:TagKeys`, `aws:ResourceTag/K`,
 * `ec2:CreateAction`, `s3:RequestObjectTag/K`, `kms:ViaService`). A key that is absent is not in
 * the context (not an empty string).
 */
export interface Authorization {
  action: string;
  resource: string;
  context: Readonly<Record<string, ContextValue>>;
  /** What the app was doing (for failure messages). */
  why: string;
}

/** The outcome of evaluating one authorisation. */
export interface Decision {
  allowed: boolean;
  /** The Sids of the statements that allow it (empty when denied). */
  allowedBy: string[];
}

/** IAM's glob match: `*` any run of characters, `?` one character, case-sensitive. */
export function globMatch(pattern: string, value: string): boolean {
  let re = '^';
  for (const ch of pattern) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`${re}$`, 's').test(value);
}

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function values(v: ContextValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? [v] : [...v];
}

/** One condition operator on one key (pure). Unknown operators throw: the evaluator says what it cannot judge. */
function conditionHolds(
  op: string,
  key: string,
  wanted: string[],
  context: Authorization['context'],
): boolean {
  const actual = values(context[key]);
  switch (op) {
    case 'StringEquals':
      return actual !== undefined && actual.some((a) => wanted.includes(a));
    case 'StringLike':
      return actual !== undefined && actual.some((a) => wanted.some((w) => globMatch(w, a)));
    case 'StringNotLike':
      return actual === undefined || !actual.some((a) => wanted.some((w) => globMatch(w, a)));
    case 'Null':
      // Null: "true" means the key must be absent, "false" that it must be present.
      return wanted.every((w) => (w === 'true' ? actual === undefined : actual !== undefined));
    case 'ForAllValues:StringEquals':
      return (actual ?? []).every((a) => wanted.includes(a));
    case 'ForAllValues:StringLike':
      return (actual ?? []).every((a) => wanted.some((w) => globMatch(w, a)));
    default:
      throw new Error(
        `The test IAM evaluator does not know the condition operator ${op}: extend it or avoid it.`,
      );
  }
}

function statementAllows(s: IamStatement, request: Authorization): boolean {
  if (!s.Action.some((a) => globMatch(a, request.action))) return false;
  if (!list(s.Resource).some((r) => globMatch(r, request.resource))) return false;
  for (const [op, keys] of Object.entries(s.Condition ?? {}))
    for (const [key, wanted] of Object.entries(keys))
      if (!conditionHolds(op, key, list(wanted), request.context)) return false;
  return true;
}

/**
 * Evaluate an identity policy for one authorisation, the way IAM does for a single
 * Allow-only identity policy: allowed when any statement's Action and Resource match (with `*`
 * and `?` wildcards) and all its conditions hold (operators AND, values of one key OR).
 *
 * Limits, on purpose: Allow statements only (no Deny, NotAction, NotResource: the generated
 * policy has none, and `iam-least-privilege.test.ts` keeps it so); no policy variables; no
 * `...IfExists` operators; no SCPs, permission boundaries, resource policies (bucket and key
 * policies) or session policies; the condition operators are StringEquals, StringLike,
 * StringNotLike, Null and ForAllValues:StringEquals/StringLike (an unknown one throws). Which
 * authorisations AWS makes for a request, and with which keys, is modelled separately
 * (test/support/iam-authorizations.ts).
 */
export function evaluate(policy: IamPolicy, request: Authorization): Decision {
  const allowedBy = policy.Statement.filter((s) => s.Effect === 'Allow' && statementAllows(s, request)).map(
    (s) => s.Sid,
  );
  return { allowed: allowedBy.length > 0, allowedBy };
}

/** The authorisations a policy denies, as readable lines (empty when all are allowed). */
export function denied(policy: IamPolicy, requests: readonly Authorization[]): string[] {
  return requests
    .filter((r) => !evaluate(policy, r).allowed)
    .map((r) => `${r.action} on ${r.resource} (${r.why}) with ${JSON.stringify(r.context)}`);
}
