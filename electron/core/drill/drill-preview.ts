import type { DrillRunInput, DrillServiceName } from '../api/calls/drill';
import { DRILL_OBJECT_PREFIX, TAG_INCIDENT } from '../aws/tags';

/** What a drill of one service will do, before it runs (the dry run shown for confirmation). */
export interface DrillPreviewStep {
  service: DrillServiceName;
  /** The target, or how it will be chosen. */
  target: string;
  /** What it creates, and what that costs while it exists. */
  creates: string;
  /** The AWS calls in order, as `aws` CLI equivalents (values found at run time in angle brackets). */
  calls: string[];
}

/**
 * The dry run of a drill (PURE): per service, what is created, what it costs while the test runs,
 * and each AWS call as its `aws` CLI equivalent, clean-up included. Values only known when the
 * drill runs (the drill id, the newest snapshot) are shown in angle brackets.
 */
export function drillPreview(
  input: Pick<DrillRunInput, 'services' | 'targets' | 'rdsSubnetGroup'>,
  regions: { primary: string; secondary: string },
): DrillPreviewStep[] {
  const west = `--region ${regions.secondary}`;
  const tag = `Key=${TAG_INCIDENT},Value=<drill id>`;
  const target = (s: DrillServiceName, what: string) =>
    input.targets[s] ?? `<a production ${what}, chosen at run time>`;
  const steps: Record<DrillServiceName, () => DrillPreviewStep> = {
    s3: () => {
      const b = target('s3', 'bucket');
      const key = `${DRILL_OBJECT_PREFIX}<drill id>/test-object.txt`;
      return {
        service: 's3',
        target: b,
        creates: `three small versions of ${key} in ${b} (pennies), deleted after the test`,
        calls: [
          `aws s3api get-bucket-versioning --bucket ${b}`,
          `aws s3api put-object --bucket ${b} --key ${key} --tagging '${TAG_INCIDENT}=<drill id>'   (known content)`,
          `aws s3api put-object --bucket ${b} --key ${key} --tagging '${TAG_INCIDENT}=<drill id>'   (overwrite)`,
          `aws s3api copy-object --bucket ${b} --key ${key} --copy-source '${b}/${key}?versionId=<first version>' --tagging-directive REPLACE --tagging '${TAG_INCIDENT}=<drill id>'`,
          `aws s3api get-object --bucket ${b} --key ${key} -   (checksum compared)`,
          `aws s3api get-object-tagging / delete-object --bucket ${b} --key ${key} --version-id <each version>   (clean-up, tag checked)`,
        ],
      };
    },
    rds: () => {
      const db = target('rds', 'DB instance');
      return {
        service: 'rds',
        target: db,
        creates: `a single-AZ test DB instance in ${regions.secondary} (billed per hour of its class and storage, usually 10 to 40 minutes)`,
        calls: [
          `aws rds describe-db-snapshots ${west} --db-instance-identifier ${db}   (newest available)`,
          `aws rds restore-db-instance-from-db-snapshot ${west} --db-instance-identifier drwr-drill-rds-<drill id> --db-snapshot-identifier <newest snapshot> --db-subnet-group-name ${input.rdsSubnetGroup ?? '<isolated group>'} --no-publicly-accessible --tags ${tag}`,
          `aws rds describe-db-instances ${west} --db-instance-identifier drwr-drill-rds-<drill id>   (until available)`,
          `aws rds delete-db-instance ${west} --db-instance-identifier drwr-drill-rds-<drill id> --skip-final-snapshot --delete-automated-backups   (clean-up, tag checked)`,
        ],
      };
    },
    ec2: () => {
      const i = target('ec2', 'instance');
      return {
        service: 'ec2',
        target: i,
        creates: `a test instance of the source's type and a gp3 volume in ${regions.secondary} (billed per second and per GB while they exist)`,
        calls: [
          `aws ec2 describe-images ${west} --owners self   (newest AMI of ${i})`,
          `aws ec2 run-instances ${west} --image-id <newest AMI> --count 1 --tag-specifications 'ResourceType=instance,Tags=[{${tag}}]' 'ResourceType=volume,Tags=[{${tag}}]' 'ResourceType=network-interface,Tags=[{${tag}}]'`,
          `aws ec2 describe-instance-status ${west} --instance-ids <test instance>   (both checks ok)`,
          `aws ec2 create-volume ${west} --snapshot-id <newest snapshot> --availability-zone <instance zone> --tag-specifications 'ResourceType=volume,Tags=[{${tag}}]'`,
          `aws ec2 attach-volume ${west} --volume-id <test volume> --instance-id <test instance> --device /dev/sdf`,
          `aws ec2 terminate-instances ${west} --instance-ids <test instance>; aws ec2 delete-volume ${west} --volume-id <test volume>   (clean-up, tags checked)`,
        ],
      };
    },
    dynamodb: () => {
      const t = target('dynamodb', 'table');
      return {
        service: 'dynamodb',
        target: t,
        creates: `a restored test table in ${regions.secondary} (billed for its storage until deleted)`,
        calls: [
          `aws dynamodb describe-continuous-backups --region ${regions.primary} --table-name ${t}`,
          `aws dynamodb restore-table-to-point-in-time ${west} --source-table-arn <arn of ${t}> --target-table-name drwr-drill-dynamodb-<drill id> --restore-date-time <latest restorable time>`,
          `aws dynamodb tag-resource ${west} --resource-arn <test table arn> --tags ${tag}`,
          `aws dynamodb scan ${west} --table-name drwr-drill-dynamodb-<drill id> --limit 25   (compared item by item with the source)`,
          `aws dynamodb delete-table ${west} --table-name drwr-drill-dynamodb-<drill id>   (clean-up, tag checked)`,
        ],
      };
    },
  };
  return (['s3', 'rds', 'ec2', 'dynamodb'] as const)
    .filter((s) => input.services.includes(s))
    .map((s) => steps[s]());
}
