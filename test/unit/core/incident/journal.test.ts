import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectJournal, Journal } from '../../../../electron/core/incident/journal';
import { hashEntry } from '../../../../electron/core/incident/journal-hash';
import { scanJournal } from '../../../../electron/core/incident/verify-journal';
import type { JournalEntry } from '../../../../electron/core/incident/types';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'drwr-journal-'));
  file = path.join(dir, 'journal.jsonl');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const note = (text: string) => ({ type: 'note.added', actor: 'Ana', data: { text } });

describe('Journal', () => {
  it('creates a 0600 file whose lines chain by SHA-256 with gapless sequence numbers and UTC times', async () => {
    const journal = await Journal.create(file, {
      type: 'incident.declared',
      actor: 'Ana',
      data: { id: 'x' },
    });
    const [a] = await journal.append(note('one'));
    const [b, c] = await journal.append([note('two'), note('three')]);
    await journal.close();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalEntry);
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(lines[0]!.prev).toBe('0'.repeat(64));
    for (let i = 1; i < lines.length; i += 1) expect(lines[i]!.prev).toBe(lines[i - 1]!.hash);
    for (const line of lines) {
      expect(line.hash).toBe(hashEntry(line));
      expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect([a!.seq, b!.seq, c!.seq]).toEqual([2, 3, 4]);
  });

  it('refuses to create over an existing journal', async () => {
    await writeFile(file, 'x');
    await expect(Journal.create(file, note('a'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('commits concurrent appends in groups, in call order, each acknowledged with its own entry', async () => {
    const journal = await Journal.create(file, note('first'));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append(note(`n${i}`))));
    expect(results.map((r) => r[0]!.data.text)).toEqual(Array.from({ length: 200 }, (_, i) => `n${i}`));
    expect(results.map((r) => r[0]!.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    await journal.close();
    const scan = scanJournal(await readFile(file));
    expect(scan.entries).toHaveLength(201);
    expect(scan.broken).toBeNull();
  });

  it('rejects bad appends without writing anything: empty actor, malformed type, non-JSON data', async () => {
    const journal = await Journal.create(file, note('first'));
    await expect(journal.append({ type: 'note.added', actor: ' ', data: {} })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(journal.append({ type: 'NoDot', actor: 'a' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      journal.append({ type: 'x.y', actor: 'a', data: { n: 1n } as unknown as Record<string, unknown> }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await journal.append(note('ok')))[0]!.seq).toBe(2);
    await journal.close();
  });

  it('refuses data carrying credentials, naming the field, and writes nothing', async () => {
    const journal = await Journal.create(file, note('first'));
    const before = await readFile(file);
    await expect(
      journal.append({
        type: 'recover.call.started',
        actor: 'system',
        data: { client: { config: { credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } } } },
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      detail: { field: 'data.client.config.credentials.secretAccessKey' },
    });
    await expect(
      journal.append({ type: 'x.y', actor: 'a', data: { list: [{ SessionToken: 't' }] } }),
    ).rejects.toMatchObject({ detail: { field: 'data.list[0].SessionToken' } });
    expect((await readFile(file)).equals(before)).toBe(true);
    const [redacted] = await journal.append({
      type: 'recover.call.started',
      actor: 'system',
      data: { params: { sessionToken: '[redacted]', password: '' } },
    });
    expect(redacted!.seq).toBe(2);
    await journal.close();
  });

  it('cuts a torn last line on open and journals the cut as a warning; nothing acknowledged is lost', async () => {
    const journal = await Journal.create(file, note('first'));
    await journal.append([note('a'), note('b')]);
    await journal.close();
    const good = await readFile(file);
    await appendFile(file, '{"seq":4,"time":"2026-11-26T03:00:00.000Z","actor":"An');
    const reopened = await Journal.open(file);
    expect(reopened.integrity.status).toBe('repaired');
    expect(reopened.integrity.tornBytesCut).toBeGreaterThan(0);
    const entries = reopened.entries();
    expect(entries.slice(0, 3).map((e) => e.data.text)).toEqual(['first', 'a', 'b']);
    expect(entries[3]).toMatchObject({
      seq: 4,
      type: 'journal.warning',
      actor: 'system',
      data: { reason: 'torn-tail' },
    });
    await reopened.append(note('after'));
    await reopened.close();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, good.length).equals(good)).toBe(true);
    const scan = scanJournal(bytes);
    expect(scan.broken).toBeNull();
    expect(scan.torn).toBeNull();
    expect(scan.entries).toHaveLength(5);
  });

  it('reports a torn tail read-only without changing the file (inspectJournal)', async () => {
    const journal = await Journal.create(file, note('first'));
    await journal.close();
    await appendFile(file, '{"se');
    const before = await readFile(file);
    const inspected = await inspectJournal(file);
    expect(inspected.integrity.status).toBe('torn');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it.each([
    ['an edited entry', (lines: string[]) => (lines[1] = lines[1]!.replace('"a"', '"A"'))],
    ['a deleted entry', (lines: string[]) => lines.splice(1, 1)],
    ['swapped entries', (lines: string[]) => ([lines[1], lines[2]] = [lines[2]!, lines[1]!])],
    ['a garbage line', (lines: string[]) => (lines[2] = 'not json')],
    [
      'a rehashed entry that no longer chains',
      (lines: string[]) => {
        const e = JSON.parse(lines[1]!) as JournalEntry;
        e.data = { text: 'forged' };
        e.hash = hashEntry(e);
        lines[1] = JSON.stringify(e);
      },
    ],
  ])('detects %s in the middle: tampered, read-only, file untouched', async (_name, mutate) => {
    const journal = await Journal.create(file, note('first'));
    await journal.append([note('a'), note('b'), note('c')]);
    await journal.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    mutate(lines);
    const altered = `${lines.join('\n')}\n`;
    await writeFile(file, altered);
    const reopened = await Journal.open(file);
    expect(reopened.integrity.status).toBe('tampered');
    expect(reopened.readOnly).toBe(true);
    await expect(reopened.append(note('x'))).rejects.toMatchObject({ code: 'TAMPERED' });
    await reopened.close();
    expect(await readFile(file, 'utf8')).toBe(altered);
  });

  it('detects entries cut from the end with the head witness, and never flags a clean reopen', async () => {
    const witnessFile = path.join(dir, 'head.json');
    const journal = await Journal.create(file, note('first'), { witnessFile });
    await journal.append([note('a'), note('b'), note('c')]);
    await journal.close();
    expect(JSON.parse(await readFile(witnessFile, 'utf8'))).toMatchObject({ seq: 4 });

    const clean = await Journal.open(file, { witnessFile });
    expect(clean.integrity.status).toBe('ok');
    await clean.close();

    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    await writeFile(file, `${lines.slice(0, 2).join('\n')}\n`);
    const cut = await Journal.open(file, { witnessFile });
    expect(cut.integrity.status).toBe('tampered');
    expect(cut.integrity.message).toContain('entry 4 was acknowledged earlier');
    expect(cut.readOnly).toBe(true);
    await cut.close();
    expect((await inspectJournal(file, witnessFile)).integrity.status).toBe('tampered');
  });

  it('adopts entries another process appended before writing its own', async () => {
    const app = await Journal.create(file, note('first'));
    const cli = await Journal.open(file);
    await cli.append(note('from the CLI'));
    await cli.close();
    const [mine] = await app.append(note('from the app'));
    expect(mine!.seq).toBe(3);
    expect(app.entries().map((e) => e.data.text)).toEqual(['first', 'from the CLI', 'from the app']);
    await app.close();
    expect(scanJournal(await readFile(file)).broken).toBeNull();
  });
});
