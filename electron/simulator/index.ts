/**
 * The tabletop AWS account: an in-process SDK `requestHandler` and an HTTP server that speak
 * the real AWS wire protocols, with faults, a simulated clock, scenarios and saved state.
 */
export { createSimulator, DEFAULT_SCENARIO } from './core/create-simulator';
export type { Simulator, SimulatorOptions } from './core/create-simulator';
export type { SimulatorState } from './core/simulator-state';
export { simulatorStateSchema } from './core/simulator-state';
export type { SimHandleOptions, SimRequestRecord, SimScenarioInfo } from './core/simulator';
export { FaultController } from './core/faults';
export type { FaultState, OutageMode } from './core/fault-state';
export { SimConnectionError } from './core/connection-error';
export { startSimulatorServer } from './server';
export type { SimulatorServer, SimulatorServerOptions } from './server';
export { listScenarios, loadScenarioFile, ScenarioError } from './scenario/load-scenario';
export type { Scenario, ScenarioSummary } from './scenario/scenario-schema';
export { defaultScenariosDir } from './scenario/package-root';
export { estateGenerators, generateEstate } from './scenario/generate-estate';
export type { EstateGenerator, GenerateEstateOptions } from './scenario/generate-estate';
export { simulatorServices } from './core/services';
