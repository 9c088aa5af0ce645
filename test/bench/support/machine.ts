import os from 'node:os';

/** The machine a benchmark run measured. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  /** Total memory in GiB, one decimal. */
  memoryGiB: number;
  node: string;
  /** Which Node.js runs the cases and why (set by scripts/bench.mjs), when known. */
  runtime?: string;
  os: string;
  arch: string;
  /** The 1-minute load average (the higher of the run's start and end): above the core count, numbers are noisy. */
  loadAverage: number;
}

/** Describe this machine (CPU model, cores, memory, Node.js version, OS). */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    ...(process.env.DRWR_BENCH_RUNTIME ? { runtime: process.env.DRWR_BENCH_RUNTIME } : {}),
    os: `${os.type()} ${os.release()}`,
    arch: process.arch,
    loadAverage: loadAverageNow(),
  };
}

/** The current 1-minute load average, two decimals. */
export function loadAverageNow(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** One line for the report: `AMD EPYC, 2 cores, 23.5 GiB, Node v20.20.2, Linux 6.1 x64`. */
export function describeMachine(info: MachineInfo): string {
  return `${info.cpu}, ${info.cores} core${info.cores === 1 ? '' : 's'}, ${info.memoryGiB} GiB, Node ${info.node}, ${info.os} ${info.arch}`;
}

/** A warning when the machine was busy with other work during the run, or null. */
export function loadWarning(info: MachineInfo): string | null {
  if (info.loadAverage <= info.cores) return null;
  return `The machine was busy (load average ${info.loadAverage} on ${info.cores} cores): other processes competed for the CPU, so rates are low and spreads wide. Run again on a quiet machine for numbers to publish.`;
}
