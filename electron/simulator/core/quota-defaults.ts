/**
 * The simulated services' default quotas (what AWS allows unless a fault lowers them). Kept free
 * of Node imports, so the app's fault rules (and the renderer's tests of them) can read them.
 */

/** RDS: snapshot copies that may run at once into one region. */
export const DEFAULT_CONCURRENT_COPIES = 5;

/** EC2: snapshot copies that may run at once into one region. */
export const DEFAULT_CONCURRENT_SNAPSHOT_COPIES = 20;

/** DynamoDB: table restores that may run at once in one account and region. */
export const DEFAULT_CONCURRENT_RESTORES = 50;
