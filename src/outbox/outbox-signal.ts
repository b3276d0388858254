import { EventEmitter } from 'node:events';

/** Tells this process's dispatcher that work arrived, so it need not wait for its next poll. */
export interface OutboxSignal {
  notify(): void;
  /** Returns the function that stops listening. */
  subscribe(listener: () => void): () => void;
}

export function createOutboxSignal(): OutboxSignal {
  const emitter = new EventEmitter();
  return {
    // After the current turn: the transaction that queued the text has a moment to commit.
    notify: () => setImmediate(() => emitter.emit('queued')),
    subscribe(listener) {
      emitter.on('queued', listener);
      return () => emitter.off('queued', listener);
    },
  };
}
