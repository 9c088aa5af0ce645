import { DBInstanceMessage$ } from '@aws-sdk/client-rds';
import { PutBucketVersioningRequest$ } from '@aws-sdk/client-s3';
import { NormalizedSchema } from '@smithy/core/schema';
import type { Schema } from '@smithy/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaOperation } from '../../../../electron/simulator/protocol/query-dispatch';
import {
  encodeXmlMembers,
  encodeXmlMembersWithSdk,
} from '../../../../electron/simulator/protocol/xml-output';
import { escapeXmlText, xmlMembersPlan } from '../../../../electron/simulator/protocol/xml-plan';
import { ec2CopyOperations } from '../../../../electron/simulator/services/ec2/operations/copies';
import { ec2DescribeOperations } from '../../../../electron/simulator/services/ec2/operations/describe';
import { ec2InstanceOperations } from '../../../../electron/simulator/services/ec2/operations/instances';
import { ec2NetworkOperations } from '../../../../electron/simulator/services/ec2/operations/network';
import { ec2VolumeOperations } from '../../../../electron/simulator/services/ec2/operations/volumes';
import { rdsBackupReplicationOperations } from '../../../../electron/simulator/services/rds/operations/backup-replication';
import { rdsDescribeOperations } from '../../../../electron/simulator/services/rds/operations/describe';
import { rdsInstanceOperations } from '../../../../electron/simulator/services/rds/operations/instances';
import { rdsRestoreOperations } from '../../../../electron/simulator/services/rds/operations/restore';
import { rdsSnapshotOperations } from '../../../../electron/simulator/services/rds/operations/snapshots';

/** Every Query-protocol operation the simulator answers through the schema-driven dispatcher. */
const queryOperations: Record<string, SchemaOperation<never>> = {
  ...rdsDescribeOperations,
  ...rdsSnapshotOperations,
  ...rdsRestoreOperations,
  ...rdsInstanceOperations,
  ...rdsBackupReplicationOperations,
  ...ec2DescribeOperations,
  ...ec2NetworkOperations,
  ...ec2CopyOperations,
  ...ec2InstanceOperations,
  ...ec2VolumeOperations,
};

/** Text that exercises every escape the SDK's XML builder knows, and some it leaves alone. */
const awkwardText = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '&',
      '<',
      '>',
      '"',
      "'",
      '\r',
      '\n',
      '\u0085',
      '\u2028',
      '\u2029',
      'é',
      '\t',
    ),
  }),
);

const anyDate = fc.oneof(
  fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc.integer({ min: 0, max: 4_000_000_000 }).map((seconds) => new Date(seconds * 1000)),
);

/** A value of the shape a schema describes (members optional, nesting bounded, null list items now and then). */
function valueOf(ns: NormalizedSchema, depth: number): fc.Arbitrary<unknown> {
  if (ns.isStructSchema()) {
    if (depth > 3) return fc.constant({});
    const members: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, member] of ns.structIterator()) members[name] = valueOf(member, depth + 1);
    return fc.record(members, { requiredKeys: [] });
  }
  if (ns.isListSchema()) {
    if (depth > 4) return fc.constant([]);
    return fc.array(fc.option(valueOf(ns.getValueSchema(), depth + 1), { nil: null, freq: 6 }), {
      maxLength: 3,
    });
  }
  if (ns.isMapSchema()) {
    if (depth > 4) return fc.constant({});
    return fc.dictionary(awkwardText, valueOf(ns.getValueSchema(), depth + 1), { maxKeys: 3 });
  }
  if (ns.isTimestampSchema()) return anyDate;
  if (ns.isBooleanSchema()) return fc.boolean();
  if (ns.isNumericSchema() || ns.isBigIntegerSchema()) {
    return fc.oneof(fc.integer(), fc.double({ noDefaultInfinity: true }));
  }
  return awkwardText;
}

describe('compiled XML writer', () => {
  it('has a compiled plan for the output of every Query operation the simulator answers', () => {
    for (const [name, op] of Object.entries(queryOperations)) {
      if (!op.output) continue;
      expect(xmlMembersPlan(op.output), `${name} output`).toBeDefined();
    }
  });

  it('writes the same bytes as the SDK serializer for every Query operation output', () => {
    for (const [name, op] of Object.entries(queryOperations)) {
      const output = op.output;
      if (!output) continue;
      fc.assert(
        fc.property(valueOf(NormalizedSchema.of(output), 0), (value) => {
          expect(encodeXmlMembers(output, value), name).toBe(encodeXmlMembersWithSdk(output, value));
        }),
        { numRuns: 25 },
      );
    }
  });

  it('matches the SDK on the cases that decide the bytes: empty elements, empty text, nulls, timestamps', () => {
    const cases: unknown[] = [
      {},
      { DBInstances: [] },
      { DBInstances: [null, {}] },
      { DBInstances: [{ DBInstanceIdentifier: '' }] },
      { DBInstances: [{ TagList: [], ReadReplicaDBInstanceIdentifiers: ['a', null, ''] }] },
      { DBInstances: [{ InstanceCreateTime: new Date('2026-01-02T03:04:05.000Z') }] },
      { DBInstances: [{ InstanceCreateTime: new Date('2026-01-02T03:04:05.120Z'), AllocatedStorage: 0 }] },
      { DBInstances: [{ MultiAZ: false, Endpoint: {} }], Marker: 'm&<>' },
    ];
    for (const value of cases) {
      expect(encodeXmlMembers(DBInstanceMessage$, value)).toBe(
        encodeXmlMembersWithSdk(DBInstanceMessage$, value),
      );
    }
    expect(encodeXmlMembers(DBInstanceMessage$, { DBInstances: [{ TagList: [] }] })).toBe(
      '<DBInstances><DBInstance><TagList/></DBInstance></DBInstances>',
    );
  });

  it('fails like the SDK serializer on a value of the wrong type', () => {
    const bad = { DBInstances: [{ InstanceCreateTime: '2026-01-01' }] };
    expect(() => encodeXmlMembersWithSdk(DBInstanceMessage$, bad)).toThrow();
    expect(() => encodeXmlMembers(DBInstanceMessage$, bad)).toThrow(/timestamp needs a Date/);
    expect(() => encodeXmlMembers(DBInstanceMessage$, { Marker: { not: 'text' } })).toThrow(/Marker/);
  });

  it('leaves schemas with XML namespaces to the SDK serializer', () => {
    // S3's request structures carry an xmlNamespace trait: no compiled plan, same output.
    expect(xmlMembersPlan(PutBucketVersioningRequest$ as Schema)).toBeUndefined();
    const value = { Bucket: 'b', VersioningConfiguration: { Status: 'Enabled' } };
    expect(encodeXmlMembers(PutBucketVersioningRequest$ as Schema, value)).toBe(
      encodeXmlMembersWithSdk(PutBucketVersioningRequest$ as Schema, value),
    );
  });

  it('escapes text exactly as the SDK XML builder does', () => {
    expect(escapeXmlText('plain text')).toBe('plain text');
    expect(escapeXmlText(`a&b<c>d"e'f\r\n\u0085\u2028`)).toBe(
      'a&amp;b&lt;c&gt;d&quot;e&apos;f&#x0D;&#x0A;&#x85;&#x2028;',
    );
  });
});
