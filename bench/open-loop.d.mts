export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  twoxx: number;
  /** Seconds from the first request due to the last answer. */
  duration: number;
  /** Milliseconds from when each 2xx request was due to its answer. */
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
}): Promise<OpenLoopResult>;
