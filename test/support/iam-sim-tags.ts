import type { Simulator } from '../../electron/simulator';
import type { ResourceTags } from './iam-authorizations';

type TagList = Array<{ Key: string; Value: string }>;
interface Tagged {
  tags: TagList;
}

function asRecord(tags: TagList | undefined): Record<string, string> | undefined {
  return tags ? Object.fromEntries(tags.map((t) => [t.Key, t.Value])) : undefined;
}

/**
 * The current tags of a resource in a simulated account, by ARN (EC2 instances, volumes,
 * snapshots and images; RDS instances and snapshots; DynamoDB tables), read from the
 * simulator's state at the moment of the call: what `aws:ResourceTag/*` sees when AWS
 * authorises it. Undefined for a resource the simulator does not hold.
 */
export function simResourceTags(sim: Pick<Simulator, 'state'>): ResourceTags {
  return (arn) => {
    const [, , service, region = '', , ...rest] = arn.split(':');
    const resource = rest.join(':');
    if (service === 'ec2') {
      const [type, id = ''] = resource.split('/');
      const ec2 = sim.state<Record<string, Record<string, Tagged>>>('ec2');
      const kind = { instance: 'instances', volume: 'volumes', snapshot: 'snapshots', image: 'images' }[
        type as 'instance'
      ];
      return kind ? asRecord(ec2[kind]?.[id]?.tags) : undefined;
    }
    if (service === 'rds') {
      const [type, id = ''] = resource.split(':');
      const rds = sim.state<Record<string, Record<string, Tagged>>>('rds');
      const kind = type === 'db' ? 'instances' : type === 'snapshot' ? 'snapshots' : undefined;
      return kind ? asRecord(rds[kind]?.[`${region}/${id}`]?.tags) : undefined;
    }
    if (service === 'dynamodb') {
      const name = resource.replace(/^table\//, '').split('/')[0] ?? '';
      const ddb = sim.state<{ tables: Record<string, Tagged> }>('dynamodb');
      return asRecord(ddb.tables[`${region}/${name}`]?.tags);
    }
    return undefined;
  };
}
