import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../electron/core/api/errors';
import { dispatch, toErrorResult, type Handlers } from '../../../../electron/core/app/dispatch';

const ctx = { via: 'test' } as const;

/** A handler table where every call answers `{ called: name }`, with `app.info` replaceable. */
function handlers(appInfo: (input: unknown) => unknown = () => ({ called: 'app.info' })) {
  const spy = vi.fn(appInfo);
  const table = new Proxy({} as Record<string, unknown>, {
    get: (_target, name) => (name === 'app.info' ? spy : () => ({ called: String(name) })),
  });
  return { table: table as unknown as Handlers, spy };
}

describe('dispatch', () => {
  it('runs a known call with its parsed input and answers ok', async () => {
    const { table, spy } = handlers();
    const result = await dispatch(table, 'app.info', {}, ctx);
    expect(result).toEqual({ ok: true, value: { called: 'app.info' } });
    expect(spy).toHaveBeenCalledExactlyOnceWith({}, ctx);
  });

  it('treats a missing input as an empty object', async () => {
    const { table, spy } = handlers();
    expect(await dispatch(table, 'app.info', undefined, ctx)).toMatchObject({ ok: true });
    expect(await dispatch(table, 'app.info', null, ctx)).toMatchObject({ ok: true });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it.each(['nope', 'app.nope', '__proto__', 'constructor', 'toString', 'app.info ', ''])(
    'answers UNKNOWN_CALL for %j without running anything',
    async (name) => {
      const { table, spy } = handlers();
      const result = await dispatch(table, name, {}, ctx);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it('quotes at most 80 characters of an unknown call name', async () => {
    const { table } = handlers();
    const result = await dispatch(table, 'x'.repeat(500), {}, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(140);
  });

  it.each([
    ['an extra field', { extra: 1 }],
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', [1, 2]],
  ])('refuses %s as input with INVALID_INPUT, and the handler never runs', async (_label, input) => {
    const { table, spy } = handlers();
    const result = await dispatch(table, 'app.info', input, ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', detail: { call: 'app.info' } },
    });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Invalid input for app\.info: /);
      expect(Array.isArray(result.error.detail?.issues)).toBe(true);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('turns an AppError into its error value, detail included', async () => {
    const { table } = handlers(() => {
      throw new AppError('NOT_FOUND', 'No incident DR-20261126-01: see `incident list`.', {
        id: 'DR-20261126-01',
      });
    });
    expect(await dispatch(table, 'app.info', {}, ctx)).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'No incident DR-20261126-01: see `incident list`.',
        detail: { id: 'DR-20261126-01' },
      },
    });
  });

  it('turns a rejected promise from an async handler into an error value', async () => {
    const { table } = handlers(async () => {
      await Promise.resolve();
      throw new AppError('CONFLICT', 'Already active.');
    });
    expect(await dispatch(table, 'app.info', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Already active.' },
    });
  });

  it('turns an unexpected error into INTERNAL, with its message and without a stack trace', async () => {
    const { table } = handlers(() => {
      throw new TypeError('cannot read properties of undefined');
    });
    const result = await dispatch(table, 'app.info', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) {
      expect(result.error.message).toContain('cannot read properties of undefined');
      expect(result.error.message).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(result.error.detail).toBeUndefined();
    }
  });

  it('turns a thrown non-error into INTERNAL', async () => {
    const { table } = handlers(() => {
      throw 'plain string';
    });
    const result = await dispatch(table, 'app.info', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('plain string');
  });
});

describe('toErrorResult', () => {
  it('recognises an AppError from another copy of the module by name and code', () => {
    const foreign = Object.assign(new Error('Session expired: log in again.'), {
      name: 'AppError',
      code: 'SESSION_EXPIRED',
      toValue: () => ({ code: 'SESSION_EXPIRED', message: 'Session expired: log in again.' }),
    });
    expect(toErrorResult(foreign)).toEqual({
      ok: false,
      error: { code: 'SESSION_EXPIRED', message: 'Session expired: log in again.' },
    });
  });

  it('does not trust a plain object that claims to be an AppError', () => {
    const claim = { name: 'AppError', code: 'NOT_FOUND', message: 'spoof' };
    expect(toErrorResult(claim)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
