import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillHistory, DrillRecord, DrillTargets } from '../../../electron/core/api/calls/drill';
import { describeResource } from '../../../electron/core/drill/cleanup';
import { drillBench, type DrillBench } from './support';

describe('drill on a healthy estate (all four services)', () => {
  let bench: DrillBench;
  let record: DrillRecord;

  beforeAll(async () => {
    bench = await drillBench();
    record = await bench.call<DrillRecord>('drill.run', {
      services: ['dynamodb', 's3', 'rds', 'ec2'],
      by: 'Ana',
    });
  }, 120_000);
  afterAll(() => bench.close());

  it('passes every service with no failed check', () => {
    expect(record.services.map((s) => s.service)).toEqual(['s3', 'rds', 'ec2', 'dynamodb']);
    for (const s of record.services) {
      expect({ service: s.service, status: s.status, error: s.error }).toEqual({
        service: s.service,
        status: 'pass',
        error: null,
      });
      expect(s.checks.filter((c) => c.status === 'fail')).toEqual([]);
    }
    expect(record.status).toBe('pass');
    expect(record.mode).toBe('TABLETOP');
    expect(record.quarter).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('measures the actual RTO and RPO of every service from its recovery point', () => {
    for (const s of record.services) {
      expect(s.recoveryPoint).not.toBeNull();
      expect(s.rtoMinutes).not.toBeNull();
      expect(s.rpoMinutes).not.toBeNull();
    }
    const rds = record.services.find((s) => s.service === 'rds')!;
    // The newest snapshot copied to us-west-2 is 3 days old in the healthy scenario.
    expect(rds.recoveryPoint).toMatchObject({ kind: 'snapshot', id: 'orders-db-weekly-2026-11-23-usw2' });
    expect(rds.rpoMinutes!).toBeGreaterThan(3 * 24 * 60 - 60);
    expect(rds.rtoMinutes!).toBeGreaterThan(0);
    const ec2 = record.services.find((s) => s.service === 'ec2')!;
    expect(ec2.recoveryPoint?.kind).toBe('ami');
    expect(ec2.recoveryPoint?.also?.[0]?.kind).toBe('snapshot');
    expect(ec2.checks.find((c) => c.id === 'status-checks')?.status).toBe('pass');
    expect(ec2.checks.find((c) => c.id === 'volume')?.status).toBe('pass');
    const ddb = record.services.find((s) => s.service === 'dynamodb')!;
    expect(ddb.checks.find((c) => c.id === 'sample-items')?.status).toBe('pass');
    const s3 = record.services.find((s) => s.service === 's3')!;
    expect(s3.checks.find((c) => c.id === 'checksum')?.status).toBe('pass');
  });

  it('removes everything it created, after checking the tag', async () => {
    const clients = await bench.core.session.clients();
    for (const s of record.services) {
      expect(s.created.length).toBeGreaterThan(0);
      expect(s.leftovers).toEqual([]);
      expect(s.cleanedUp.map((r) => r.id).sort()).toEqual(s.created.map((r) => r.id).sort());
      for (const r of s.created) {
        const d = await describeResource(clients, r);
        if (d.exists)
          expect(['deleting', 'DELETING', 'terminated', 'shutting-down', 'deleted']).toContain(d.state);
      }
    }
  });

  it('writes the record as JSON and Markdown with the SOC 2 CC7.3 mapping, and lists it in the history', async () => {
    expect(path.dirname(record.files.json)).toBe(path.join(bench.dataDir, 'drills'));
    const json = JSON.parse(await readFile(record.files.json, 'utf8')) as DrillRecord;
    expect(json.id).toBe(record.id);
    const md = await readFile(record.files.markdown, 'utf8');
    expect(md).toContain(`# Backup drill ${record.id}`);
    expect(md).toContain('SOC 2 CC7.3: MET');
    expect(md).toContain('Actual RTO');
    expect(record.compliance[0]).toMatchObject({ control: 'SOC 2 CC7.3', status: 'met' });
    const history = await bench.call<DrillHistory>('drill.history', {});
    expect(history.entries.map((e) => e.id)).toEqual([record.id]);
    expect(history.quarters).toEqual([
      expect.objectContaining({ quarter: record.quarter, drills: 1, passed: 1, failed: 0 }),
    ]);
    const one = await bench.call<{ record: DrillRecord; markdown: string }>('drill.record', {
      id: record.id,
    });
    expect(one.markdown).toBe(md);
  });
});

describe('drill targets', () => {
  it('offers production resources first, flags those a drill would fail on, and the restore region subnet groups', async () => {
    const bench = await drillBench();
    try {
      const t = await bench.call<DrillTargets>('drill.targets', {});
      expect(t.s3.find((o) => o.suggested)?.id).toBe('acme-prod-customer-docs');
      expect(t.s3.find((o) => o.id === 'acme-dev-scratch')?.note).toContain('versioning off');
      expect(t.rds.find((o) => o.suggested)?.id).toBe('orders-db');
      expect(t.dynamodb.find((o) => o.id === 'dev-orders-events')?.note).toContain('PITR off');
      expect(t.ec2.find((o) => o.suggested)).toBeDefined();
      expect(t.subnetGroups).toEqual([{ name: 'dr-db', region: 'us-west-2', suggested: true }]);
    } finally {
      await bench.close();
    }
  });
});
