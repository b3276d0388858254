export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a load generator answers, autocannon's run or the open loop (bench/load-worker.mjs). */
export interface GeneratorResult {
  twoxx: number;
  /** Seconds the run took (the open loop: to the last answer). */
  duration: number;
  /** Milliseconds to each 2xx answer (the open loop: from when its request was due). */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export function openLoop(options: {
  url: string;
  requestFor: (i: number) => OpenLoopRequest;
  duration: number;
  connections: number;
  rate: number;
}): Promise<GeneratorResult>;
