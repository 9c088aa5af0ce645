import { simError } from '../../protocol/errors';
import { applyFilters } from '../../protocol/paging';
import { tagFilterValues } from './lookup';
import type { Ec2Tag } from './model';

/** An operation's supported filters: each name's values for one item. */
export type Ec2FilterTable<T> = Readonly<Record<string, (item: T) => readonly string[]>>;

/** The `Filters` of an EC2 describe request. */
export type Ec2Filters =
  ReadonlyArray<{ Name?: string | undefined; Values?: string[] | undefined }> | undefined;

const TAG_FILTER = /^(tag:.+|tag-key|tag-value)$/;

/**
 * Keep the items that match every filter. Each filter name is checked first against the
 * operation's table (and the tag filters `tag:<key>`, `tag-key`, `tag-value` when `tagsOf` is
 * given), whether or not the region has items: an unsupported name is AWS's
 * `InvalidParameterValue` "The filter 'x' is invalid", never a silent empty answer.
 */
export function filterEc2<T>(
  items: readonly T[],
  filters: Ec2Filters,
  table: Ec2FilterTable<T>,
  tagsOf?: (item: T) => readonly Ec2Tag[],
): T[] {
  for (const filter of filters ?? []) {
    const name = filter.Name;
    if (!name) throw simError('InvalidParameterValue', 'Each filter needs a Name.');
    if (!Object.hasOwn(table, name) && !(tagsOf && TAG_FILTER.test(name))) {
      throw simError('InvalidParameterValue', `The filter '${name}' is invalid`);
    }
  }
  return applyFilters(items, filters, (item, name) => {
    const tags = tagsOf ? tagFilterValues(tagsOf(item), name) : undefined;
    return tags ?? table[name]?.(item);
  });
}
