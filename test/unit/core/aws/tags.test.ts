import { describe, expect, it } from 'vitest';
import {
  appTags,
  createdByIncident,
  ec2TagSpecifications,
  s3TaggingHeader,
  sanitizeTagValue,
} from '../../../../electron/core/aws/tags';

const input = {
  incident: 'INC-20261126-01',
  source: 'arn:aws:rds:us-east-1:123456789012:db:prod-db',
  createdBy: 'dr-war-room',
};

describe('app tags', () => {
  it('builds the three tags in the Key/Value shape', () => {
    expect(appTags(input)).toEqual([
      { Key: 'dr-war-room:incident', Value: 'INC-20261126-01' },
      { Key: 'dr-war-room:source', Value: 'arn:aws:rds:us-east-1:123456789012:db:prod-db' },
      { Key: 'dr-war-room:created-by', Value: 'dr-war-room' },
    ]);
  });

  it('shapes EC2 TagSpecifications and the S3 Tagging header', () => {
    const specs = ec2TagSpecifications(['instance', 'volume'], input);
    expect(specs.map((s) => s.ResourceType)).toEqual(['instance', 'volume']);
    expect(specs[0]?.Tags).toHaveLength(3);
    expect(s3TaggingHeader(input)).toBe(
      'dr-war-room%3Aincident=INC-20261126-01&dr-war-room%3Asource=arn%3Aaws%3Ards%3Aus-east-1%3A123456789012%3Adb%3Aprod-db&dr-war-room%3Acreated-by=dr-war-room',
    );
  });

  it('refuses to tag without an incident and cleans odd characters', () => {
    expect(() => appTags({ ...input, incident: ' ' })).toThrow(/without an incident id/);
    expect(sanitizeTagValue('a<b>c"d')).toBe('a_b_c_d');
    expect(sanitizeTagValue('x'.repeat(300))).toHaveLength(256);
  });

  it('recognises resources this incident created', () => {
    expect(createdByIncident(appTags(input), 'INC-20261126-01')).toBe(true);
    expect(createdByIncident(appTags(input), 'INC-other')).toBe(false);
    expect(createdByIncident(undefined, 'INC-20261126-01')).toBe(false);
  });
});
