#!/usr/bin/env -S node --max-old-space-size=1536
// The compiled CLI; `npm install` builds it (the prepare script).
//
// The heap limit (the same in package.json's start script) is not there to stop a runaway: V8
// sizes the headroom it keeps above live objects by its limit. With Node's own limit (up to 4 GB
// on a large machine) a server with 45 MB live peaked at 300 MB during a large import; with 1.5 GB
// it peaks near 200 MB at the same speed, and a large spreadsheet still has room.
//
// This file is CommonJS (bin/package.json) on purpose: Node reads a CommonJS entry without its
// thread pool, so the pool's size can still be set here. An ES module entry is read through the
// pool, which then already has its threads.
'use strict';
const { threadPoolSize } = require('./thread-pool.js');

process.env.UV_THREADPOOL_SIZE = threadPoolSize();
import('../dist/cli/main.js').catch((error) => {
  if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('Muster is not built yet: run `npm install` (or `npm run build`) in its folder first.');
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
