import type { RunningApp } from './harness';

/**
 * Call the bridge API as the page does (`POST /api/<name>` with the session token), for test setup.
 * Throws with the core's error message when the call fails.
 */
export async function callApi<T = unknown>(
  app: Pick<RunningApp, 'origin' | 'token'>,
  name: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${app.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Declare the tabletop exercise's incident (us-east-1 outage, commander Ana) and return its id. */
export async function declareExercise(app: Pick<RunningApp, 'origin' | 'token'>): Promise<string> {
  const declared = await callApi<{ state: { id: string } }>(app, 'incident.declare', {
    title: 'us-east-1 outage exercise',
    commander: 'Ana Commander',
  });
  return declared.state.id;
}
