import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  needsShellCare,
  placeholderNames,
  splitPlaceholders,
} from '../../../../electron/core/runbooks/placeholders';
import { reviewDueDate } from '../../../../electron/core/runbooks/review-due';
import { runbookLinkTarget } from '../../../../electron/core/runbooks/runbook-links';
import {
  awsOperation,
  shellWords,
  splitShellCommands,
} from '../../../../electron/core/runbooks/shell-commands';

describe('placeholders', () => {
  it('fills the ones with values and leaves the others as written', () => {
    const text =
      'aws s3api copy-object --copy-source "<bucket-name>/<object-key>?versionId=<version-id>" --region <primary-region>';
    expect(
      fillPlaceholders(text, { 'bucket-name': 'orders', 'version-id': 'v1', 'primary-region': 'us-east-1' }),
    ).toBe('aws s3api copy-object --copy-source "orders/<object-key>?versionId=v1" --region us-east-1');
    expect(placeholderNames(text)).toEqual(['bucket-name', 'object-key', 'version-id', 'primary-region']);
  });

  it('fills every occurrence and never re-reads a filled value', () => {
    expect(fillPlaceholders('<a> <a> <b>', { a: '<b>', b: 'x' })).toBe('<b> <b> x');
  });

  it('ignores forms that are not placeholder names', () => {
    expect(placeholderNames('cat <<EOF > out; x < in; <Upper> <1x> <ok-2>')).toEqual(['ok-2']);
  });

  it('lets the caller decide which names count (prose vs code)', () => {
    const parts = splitPlaceholders('a <br> b <bucket-name>', {}, (name) => name === 'bucket-name');
    expect(parts).toEqual([
      { kind: 'text', text: 'a <br> b ' },
      { kind: 'placeholder', name: 'bucket-name', value: null },
    ]);
  });

  it('round-trips: filling with each name itself gives back the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('<bucket-name>', '<restore-time>', '<a-1>'))),
        (pieces) => {
          const text = pieces.join('');
          const identity = Object.fromEntries(placeholderNames(text).map((n) => [n, `<${n}>`]));
          expect(fillPlaceholders(text, identity)).toBe(text);
        },
      ),
    );
  });

  it('flags values a shell would interpret', () => {
    expect(needsShellCare('orders-data_2026.v1')).toBe(false);
    expect(needsShellCare('arn:aws:rds:us-west-2:123456789012:auto-backup:ab-1')).toBe(false);
    expect(needsShellCare('2026-11-26T02:55:00Z')).toBe(false);
    for (const bad of ['a b', 'x;rm -rf /', '$(id)', '`id`', "it's", 'a|b', 'a&b', 'a>b'])
      expect(needsShellCare(bad)).toBe(true);
  });
});

describe('shell commands', () => {
  it('joins continued lines and drops comments and blank lines', () => {
    const block =
      '# find it\naws ec2 describe-images \\\n  --owners self \\\n  --region us-west-2\n\nlsblk\nsudo mount /dev/x /mnt';
    expect(splitShellCommands(block)).toEqual([
      'aws ec2 describe-images --owners self --region us-west-2',
      'lsblk',
      'sudo mount /dev/x /mnt',
    ]);
  });

  it('splits words like a shell for quotes and escapes', () => {
    expect(
      shellWords(
        `aws s3api restore-object --restore-request '{"Days": 7}' --copy-source "b/k?versionId=v" a\\ b`,
      ),
    ).toEqual([
      'aws',
      's3api',
      'restore-object',
      '--restore-request',
      '{"Days": 7}',
      '--copy-source',
      'b/k?versionId=v',
      'a b',
    ]);
    expect(shellWords(`x "" ''`)).toEqual(['x', '', '']);
    expect(() => shellWords(`x 'open`)).toThrow(/unterminated/);
  });

  it('names the aws operation', () => {
    expect(awsOperation('aws s3api copy-object --bucket b')).toBe('s3api copy-object');
    expect(awsOperation('aws --region x s3 ls')).toBeNull();
    expect(awsOperation('lsblk')).toBeNull();
  });
});

describe('links and review dates', () => {
  it('resolves runbook links and rejects everything else', () => {
    expect(runbookLinkTarget('runbook:s3-backup-test')).toBe('s3-backup-test');
    expect(runbookLinkTarget('./s3-backup-test.md')).toBe('s3-backup-test');
    expect(runbookLinkTarget('../procedures/s3-backup-test.md#verify')).toBe('s3-backup-test');
    expect(runbookLinkTarget('s3-backup-test.md')).toBe('s3-backup-test');
    for (const other of [
      'https://a.example/x.md',
      '//a.example/x.md',
      'file:///etc/passwd',
      'mailto:x@y',
      '#top',
      'notes.txt',
    ]) {
      expect(runbookLinkTarget(other)).toBeNull();
    }
  });

  it('computes the next review date from the cycle, clamping to month ends', () => {
    expect(reviewDueDate('2026-11-20', 'quarterly')).toBe('2027-02-20');
    expect(reviewDueDate('2026-11-30', 'quarterly')).toBe('2027-02-28');
    expect(reviewDueDate('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(reviewDueDate('2024-02-29', 'annual')).toBe('2025-02-28');
    expect(reviewDueDate('2026-05-15', 'semiannual')).toBe('2026-11-15');
  });
});
