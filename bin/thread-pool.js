'use strict';
// libuv's thread pool runs the password hashes (argon2id, 19 MiB and ~10 ms of one core each).
// Node gives it 4 threads on every machine. On a 2-core server, 4 hashing threads crowd out the
// main thread that answers requests, and raw argon2id itself does fewer hashes a second 4 at a
// time than 2 at a time (docs/benchmarks.md). So the pool gets one thread a core, between 2 and
// Node's own 4. At least 2: libuv gives slow work (a DNS lookup to a resolver that does not
// answer) at most half the threads, so the other keeps checking passwords. At most 4: each
// running hash holds 19 MiB. An operator's UV_THREADPOOL_SIZE is kept as it is.
const { availableParallelism } = require('node:os');

/** The pool size to start Node with, as a string for the environment. */
function threadPoolSize(env = process.env, cores = availableParallelism()) {
  return env.UV_THREADPOOL_SIZE || String(Math.min(4, Math.max(2, cores)));
}

module.exports = { threadPoolSize };
