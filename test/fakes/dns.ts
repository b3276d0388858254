import dns2 from 'dns2';

const { Packet } = dns2;
/** RFC 1035 response codes (dns2 has them as Packet.RCODE, but its typings do not). */
const RCODE = { nxdomain: 3, servfail: 2, refused: 5 } as const;

/** What the fake answers for a name: TXT records (each one string or several), or a failure. */
type Answer = { records: (string | string[])[] } | { rcode: 'nxdomain' | 'servfail' | 'refused' } | 'silent';

/**
 * A real DNS server on 127.0.0.1 (UDP) whose TXT records the test sets, for domain verification
 * (R26) through `node:dns` exactly as in production. Names it was not told about do not exist
 * (NXDOMAIN); `silent` names get no answer at all, so the resolver times out.
 */
export interface FakeDns {
  port: number;
  /** `MUSTER_DNS_SERVERS` for a server that asks this fake. */
  servers: string;
  /** Publishes exactly these TXT records at `name` (none: the name exists, without TXT records). */
  setTxt(name: string, ...records: (string | string[])[]): void;
  /** Answers `name` with an error code, or not at all. */
  fail(name: string, how: 'nxdomain' | 'servfail' | 'refused' | 'silent'): void;
  /** Forgets `name`: it no longer exists. */
  remove(name: string): void;
  /** Holds every answer this long, to let parallel requests overlap. */
  delayMs: number;
  /** Every name asked for, in order. */
  queries: string[];
  close(): Promise<void>;
}

export async function startFakeDns(): Promise<FakeDns> {
  const answers = new Map<string, Answer>();
  const fake = {
    delayMs: 0,
    queries: [] as string[],
  };
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const name = (question?.name ?? '').toLowerCase();
      fake.queries.push(name);
      const answer = answers.get(name);
      if (answer === 'silent') return;
      if (answer === undefined) response.header.rcode = RCODE.nxdomain;
      else if ('rcode' in answer) {
        response.header.rcode = RCODE[answer.rcode];
      } else if (question?.type === Packet.TYPE.TXT) {
        for (const data of answer.records) {
          const record = {
            name: question.name,
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: 60,
            data,
          };
          response.answers.push(record as typeof record & dns2.Packet.Resource);
        }
      }
      setTimeout(() => send(response), fake.delayMs);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses.udp?.port;
  if (!port) throw new Error('the fake DNS server did not start');
  return Object.assign(fake, {
    port,
    servers: `127.0.0.1:${port}`,
    setTxt(name: string, ...records: (string | string[])[]) {
      answers.set(name.toLowerCase(), { records });
    },
    fail(name: string, how: 'nxdomain' | 'servfail' | 'refused' | 'silent') {
      answers.set(name.toLowerCase(), how === 'silent' ? 'silent' : { rcode: how });
    },
    remove(name: string) {
      answers.delete(name.toLowerCase());
    },
    close: () => server.close(),
  });
}
