import { EventEmitter } from 'node:events';

const emitter = new EventEmitter();

/**
 * Wakes this process's import worker when a job is queued, so it need not wait for its next
 * poll. Other processes find the job by polling the database.
 */
export const importSignal = {
  notify: () => setImmediate(() => emitter.emit('queued')),
  subscribe(listener: () => void): () => void {
    emitter.on('queued', listener);
    return () => emitter.off('queued', listener);
  },
};
