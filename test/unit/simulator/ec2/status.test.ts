import { describe, expect, it } from 'vitest';
import type { Ec2InstanceRecord } from '../../../../electron/simulator/services/ec2/model';
import { instanceCheckStatus, instanceState } from '../../../../electron/simulator/services/ec2/status';
import { ec2ScenarioSchema } from '../../../../electron/simulator/services/ec2';

const launch = new Date('2026-11-26T10:00:00Z');
const at = (minutes: number) => new Date(launch.getTime() + minutes * 60_000);

function instance(overrides: Partial<Ec2InstanceRecord> = {}): Ec2InstanceRecord {
  return {
    id: 'i-0123456789abcdef0',
    region: 'us-west-2',
    reservationId: 'r-0123456789abcdef0',
    imageId: 'ami-0123456789abcdef0',
    instanceType: 'm6i.large',
    availabilityZone: 'us-west-2a',
    subnetId: 'subnet-01234567',
    vpcId: 'vpc-01234567',
    securityGroupIds: [],
    privateIpAddress: '10.0.0.10',
    launchTime: launch.toISOString(),
    phases: [{ status: 'pending', until: at(1).toISOString() }, { status: 'running' }],
    checksOkAt: at(4).toISOString(),
    rootDeviceName: '/dev/xvda',
    devices: [],
    tags: [],
    ...overrides,
  };
}

describe('EC2 instance lifecycle', () => {
  it('goes pending → running, with status checks initializing → ok', () => {
    const i = instance();
    expect([instanceState(i, at(0)), instanceCheckStatus(i, at(0))]).toEqual(['pending', 'not-applicable']);
    expect([instanceState(i, at(2)), instanceCheckStatus(i, at(2))]).toEqual(['running', 'initializing']);
    expect([instanceState(i, at(5)), instanceCheckStatus(i, at(5))]).toEqual(['running', 'ok']);
    expect(instanceCheckStatus(instance({ impaired: true }), at(5))).toBe('impaired');
  });

  it('shuts down, stays visible as terminated for an hour, then disappears', () => {
    const i = instance({ terminatedAt: at(10).toISOString() });
    expect(instanceState(i, at(10.5))).toBe('shutting-down');
    expect(instanceState(i, at(30))).toBe('terminated');
    expect(instanceState(i, at(71))).toBeUndefined();
  });
});

describe('EC2 scenario validation', () => {
  it('rejects ids that are not EC2-shaped, naming the field', () => {
    const result = ec2ScenarioSchema.safeParse({
      images: [{ id: 'web-ami', region: 'us-east-1', name: 'web', age: '1d' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['images', 0, 'id']);
    expect(result.error?.issues[0]?.message).toBe('must be an id like ami-0123456789abcdef0');
  });
});
