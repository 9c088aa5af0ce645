import { describe, expect, it } from 'vitest';
import { parseDrillServices, parseTargets, drillText } from '../../../../electron/cli/commands/drill';
import { renderDrillMarkdown } from '../../../../electron/core/drill/render-drill-markdown';
import { complianceMapping } from '../../../../electron/core/drill/compliance';
import { recordFixture, serviceFixture } from './fixtures';

describe('drill record text', () => {
  it('Markdown: summary table, checks, left-behind commands and the CC7.3 mapping', () => {
    const s = serviceFixture({
      status: 'fail',
      leftovers: [
        {
          kind: 'rds-instance',
          region: 'us-west-2',
          id: 'drwr-drill-rds-x',
          drillId: 'd',
          reason: 'delete failed',
          costRisk: 'Billed hourly',
          command: 'aws rds delete-db-instance …',
        },
      ],
      checks: [{ id: 'x', title: 'A | pipe', status: 'fail', evidence: 'line1\nline2', fix: 'do it' }],
    });
    const md = renderDrillMarkdown(
      recordFixture({ status: 'fail', services: [s], compliance: complianceMapping([s]) }),
    );
    expect(md).toContain('# Backup drill drill-20261126-040000-abcd');
    expect(md).toContain(
      '| rds | orders-db | FAIL | snapshot orders-db-weekly-usw2 (2026-11-23T04:00:00.000Z) | 4320 | 14.5 | 1 |',
    );
    expect(md).toContain('| A \\| pipe | FAIL | line1 line2 | do it |');
    expect(md).toContain('### Left behind');
    expect(md).toContain('`aws rds delete-db-instance …`');
    expect(md).toContain('Cost risk: Billed hourly');
    expect(md).toContain('### SOC 2 CC7.3: NOT MET');
    expect(md).toContain('tabletop scenario "healthy": a simulated account, not AWS');
  });

  it('CLI text names failures and the record files', () => {
    const text = drillText(
      recordFixture({ status: 'fail', services: [serviceFixture({ status: 'fail', error: 'boom' })] }),
    );
    expect(text).toContain('FAIL  rds');
    expect(text).toContain('stopped: boom');
    expect(text).toContain('Record: /tmp/x.md');
  });

  it('CLI parses services and targets, refusing what it does not know', () => {
    expect(parseDrillServices('S3, rds,s3')).toEqual(['s3', 'rds']);
    expect(() => parseDrillServices('ebs')).toThrow(/unknown service "ebs"/);
    expect(() => parseDrillServices(undefined)).toThrow(/no service named/);
    expect(parseTargets(['rds=orders-db', 's3=a=b'])).toEqual({ rds: 'orders-db', s3: 'a=b' });
    expect(() => parseTargets(['=x'])).toThrow(/SERVICE=NAME/);
    expect(() => parseTargets(['lambda=x'])).toThrow(/SERVICE=NAME/);
  });
});
