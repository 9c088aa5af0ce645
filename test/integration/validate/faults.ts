/**
 * Tabletop faults for the validation tests, applied to the simulated account's state as a
 * facilitator would stage them: bit rot in a replica object, items lost from a restored table,
 * a database restored with the wrong class, an instance whose status check fails. Each returns
 * the function that undoes it.
 */
import type { DynamoState } from '../../../electron/simulator/services/dynamodb/model';
import type { Ec2State } from '../../../electron/simulator/services/ec2/model';
import type { RdsState } from '../../../electron/simulator/services/rds/model';
import type { S3State } from '../../../electron/simulator/services/s3/model';
import type { Simulator } from '../../../electron/simulator';

/** Replace a replica object's bytes (same size), keeping its stored ETag and SHA-256: a checksum mismatch. */
export function corruptObject(sim: Simulator, bucket: string, key: string): () => void {
  const version = sim.state<S3State>('s3').buckets[bucket]?.objects[key]?.[0];
  if (!version) throw new Error(`no object ${bucket}/${key}`);
  const before = { body: version.body, syntheticSeed: version.syntheticSeed };
  const bytes = Buffer.alloc(version.size, 0x5a);
  version.body = bytes.toString('base64');
  delete version.syntheticSeed;
  return () => {
    if (before.body === undefined) delete version.body;
    else version.body = before.body;
    if (before.syntheticSeed !== undefined) version.syntheticSeed = before.syntheticSeed;
  };
}

/** Drop `count` items from a restored table (their whole history). */
export function dropItems(sim: Simulator, region: string, table: string, count: number): () => void {
  const record = sim.state<DynamoState>('dynamodb').tables[`${region}/${table}`];
  if (!record) throw new Error(`no table ${region}/${table}`);
  const keys = [...new Set(record.history.map((v) => v.key))].sort().slice(0, count);
  const before = record.history;
  record.history = before.filter((v) => !keys.includes(v.key));
  return () => {
    record.history = before;
  };
}

/** Change a DB instance's class as if it had been restored with another one. */
export function setDbClass(sim: Simulator, id: string, instanceClass: string): () => void {
  const db = Object.values(sim.state<RdsState>('rds').instances).find((i) => i.id === id);
  if (!db) throw new Error(`no DB instance ${id}`);
  const before = db.instanceClass;
  db.instanceClass = instanceClass;
  return () => {
    db.instanceClass = before;
  };
}

/** Make an instance's status checks impaired. */
export function impairInstance(sim: Simulator, instanceId: string): () => void {
  const inst = Object.values(sim.state<Ec2State>('ec2').instances).find((i) => i.id === instanceId);
  if (!inst) throw new Error(`no instance ${instanceId}`);
  inst.impaired = true;
  return () => {
    delete inst.impaired;
  };
}
