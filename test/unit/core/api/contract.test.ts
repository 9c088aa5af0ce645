import { describe, expect, it, vi } from 'vitest';
import { ZodType } from 'zod';
import {
  buildClient,
  callNames,
  contract,
  EVENT_CHANNEL,
  ipcChannel,
  isCallName,
} from '../../../../electron/core/api/contract';
import { AppError, errorCodeSchema, isAppError } from '../../../../electron/core/api/errors';
import { fail, ok } from '../../../../electron/core/api/result';

describe('the contract', () => {
  it('names every call domain.method (the method may itself be dotted) and gives each a summary sentence and a zod input schema', () => {
    expect(callNames.length).toBeGreaterThan(0);
    for (const name of callNames) {
      expect(name).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      const spec = contract[name];
      expect(spec.summary.trim().length, name).toBeGreaterThan(10);
      expect(spec.input, name).toBeInstanceOf(ZodType);
    }
  });

  it('includes the foundation calls', () => {
    expect(callNames).toEqual(expect.arrayContaining(['app.info', 'procedure.get', 'procedure.reload']));
  });

  it('recognises call names, and not inherited object keys', () => {
    expect(isCallName('app.info')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'app', '']) {
      expect(isCallName(name), name).toBe(false);
    }
  });

  it('puts each call on its own IPC channel, apart from the event channel', () => {
    const channels = callNames.map((name) => ipcChannel(name));
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels).not.toContain(EVENT_CHANNEL);
    expect(ipcChannel('app.info')).toBe('dr:app.info');
  });
});

describe('buildClient', () => {
  it('builds api.<domain>.<method> for every call, each passing through to the transport', async () => {
    const invoke = vi.fn(async (name: string, input: unknown) => ok({ name, input }));
    const client = buildClient(invoke) as unknown as Record<
      string,
      Record<string, (input?: unknown) => unknown>
    >;
    for (const name of callNames) {
      // The domain is the part before the first dot; the rest is the method (`session` . `login.start`).
      const dot = name.indexOf('.');
      const domain = name.slice(0, dot);
      const method = name.slice(dot + 1);
      expect(typeof client[domain]?.[method], name).toBe('function');
    }
    expect(await client.app?.info?.()).toEqual({ ok: true, value: { name: 'app.info', input: {} } });
    expect(invoke).toHaveBeenCalledWith('app.info', {});
  });
});

describe('errors and results', () => {
  it('gives an AppError’s value form, with and without detail', () => {
    expect(new AppError('NOT_FOUND', 'Missing.').toValue()).toEqual({
      code: 'NOT_FOUND',
      message: 'Missing.',
    });
    expect(new AppError('CONFLICT', 'Taken.', { name: 'x' }).toValue()).toEqual({
      code: 'CONFLICT',
      message: 'Taken.',
      detail: { name: 'x' },
    });
  });

  it('tells an AppError from other errors', () => {
    expect(isAppError(new AppError('INTERNAL', 'x'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError({ name: 'AppError', code: 'INTERNAL' })).toBe(false);
  });

  it('has stable error codes', () => {
    expect(errorCodeSchema.options).toEqual(
      expect.arrayContaining(['INVALID_INPUT', 'UNKNOWN_CALL', 'FORBIDDEN', 'INTERNAL', 'DATA_FILE_INVALID']),
    );
  });

  it('builds result values', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail({ code: 'INTERNAL', message: 'm' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'm' },
    });
  });
});
