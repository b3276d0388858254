/**
 * The fake Twilio of test/fakes/twilio.ts in a process of its own, as Twilio is another machine:
 * on 2 cores, a fake on the dispatcher's event loop would measure itself as well. Forked by
 * bench/sms-dispatch.ts; sends { baseUrl, accountSid, authToken } once listening, then answers
 * { accepted, violations } to 'report' (and forgets what it kept) and exits on 'close'.
 */
import { randomBytes } from 'node:crypto';
import { startFakeTwilio } from '../test/fakes/twilio.js';

const twilio = await startFakeTwilio({
  accountSid: `AC${randomBytes(16).toString('hex')}`,
  authToken: randomBytes(16).toString('hex'),
});
process.on('message', async (request: { op: 'report' | 'close' }) => {
  if (request.op === 'report') {
    process.send?.({ accepted: twilio.counters.accepted, violations: [...twilio.violations] });
    twilio.reset();
    return;
  }
  await twilio.close();
  process.exit(0);
});
process.send?.({ baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: twilio.authToken });
