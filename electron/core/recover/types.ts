/**
 * The recovery domain's data types: the planner's input, the plan, and the run state folded
 * from the journal. Pure declarations (no I/O): the contract, the core and the renderer import
 * them from here; each concern lives in its own file.
 */
export * from './types-resources';
export * from './types-plan';
export * from './types-run';
