import { ec2Lookup, type Ec2Facts } from './ec2-lookup';
import { instanceSubject, secondaryInstanceSubject } from './options-ec2-instance';
import { primaryVolumes, volumeSubject } from './options-ec2-volume';
import type { OptionContext, Subject } from './subject';

/**
 * The EC2 subjects (pure): every instance of the primary region with its AMI options; every data
 * volume (root volumes come back with the AMI) with its snapshot options, including volumes known
 * only from snapshot copies in the secondary region when the primary does not answer; and the
 * secondary region's own instances.
 */
export function ec2Subjects(all: Ec2Facts, ctx: OptionContext): Subject[] {
  const { primary, secondary } = ctx;
  const lookup = ec2Lookup(all);
  const account = all.accountId ?? '000000000000';
  const subjects: Subject[] = [];
  for (const f of all.instances)
    if (f.region === primary) subjects.push(instanceSubject(ctx, f, all, lookup));
  for (const v of primaryVolumes(all, ctx, lookup).values()) {
    subjects.push(volumeSubject(ctx, v, all, lookup, account));
  }
  for (const i of all.instances)
    if (i.region === secondary) subjects.push(secondaryInstanceSubject(i, secondary));
  return subjects;
}
