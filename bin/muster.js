#!/usr/bin/env -S node --max-old-space-size=1536
// The compiled CLI; `npm install` builds it (the prepare script).
//
// The heap limit (the same in package.json's start script) is not there to stop a runaway: V8
// sizes the headroom it keeps above live objects by its limit. With Node's own limit (up to 4 GB
// on a large machine) a server with 45 MB live peaked at 300 MB during a large import; with 1.5 GB
// it peaks near 200 MB at the same speed, and a large spreadsheet still has room.
import '../dist/cli/main.js';
