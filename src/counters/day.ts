/** Calendar days in a community's time zone: limits reset at its local midnight (R5, R6). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(at: Date, timeZone: string) {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return values as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** `YYYY-MM-DD` of the instant in the zone. */
export function localDay(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The first instant of the next local day, found without a time-zone library. */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const today = localDay(at, timeZone);
  const p = parts(at, timeZone);
  // Seconds left in the local day assuming no offset change, then step to the exact boundary.
  const elapsed = p.hour * 3600 + p.minute * 60 + p.second;
  let guess = new Date(Math.floor(at.getTime() / 1000) * 1000 + (86_400 - elapsed) * 1000);
  // Offset changes (DST) move local midnight by up to a few hours: walk to the first second of the next day.
  while (localDay(guess, timeZone) === today) guess = new Date(guess.getTime() + 15 * 60_000);
  while (localDay(new Date(guess.getTime() - 60_000), timeZone) !== today)
    guess = new Date(guess.getTime() - 60_000);
  return guess;
}

export function secondsUntil(from: Date, to: Date): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
