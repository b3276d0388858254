// The wire types come from the server's route schemas (src/wire.ts), so type-checking the web
// app reads those route modules too. They use the cookie methods @fastify/cookie adds to
// Fastify's request and reply, which the server's own program loads through src/app.ts.
/// <reference types="@fastify/cookie" />
