/** A region named by a resource in a scenario section, with the field path that names it. */
export interface RegionReference {
  /** The field's path inside the service's section, e.g. `['instances', 2, 'region']`. */
  path: ReadonlyArray<string | number>;
  region: string;
}

/** Lists every region a service's validated scenario section names (for the membership check). */
export type SectionRegions = (section: unknown) => RegionReference[];
