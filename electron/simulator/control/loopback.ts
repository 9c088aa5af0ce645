/**
 * The host part of a `Host` header (`127.0.0.1:4566` → `127.0.0.1`, `[::1]:80` → `::1`),
 * lower-cased; undefined for an empty or missing header.
 */
export function hostOfHostHeader(header: string | undefined): string | undefined {
  const value = header?.trim().toLowerCase();
  if (!value) return undefined;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(1, end) : undefined;
  }
  return value.replace(/:\d*$/, '');
}

/** True for an address of this machine's loopback interface (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** True when a `Host` header names this machine's loopback interface (`127.x`, `localhost`, `[::1]`). */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  const host = hostOfHostHeader(header);
  return host === 'localhost' || isLoopbackAddress(host);
}

/**
 * True when a `Host` header puts an S3 bucket in the host name (virtual-hosted style:
 * `bucket.localhost:PORT` or `bucket.s3.REGION.amazonaws.com`): its path is an object key.
 */
export function isVirtualHostedS3Host(header: string | undefined): boolean {
  const host = hostOfHostHeader(header);
  if (!host) return false;
  return (
    (host.endsWith('.localhost') && host.length > '.localhost'.length) || host.endsWith('.amazonaws.com')
  );
}
