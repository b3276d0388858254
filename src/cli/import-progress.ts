import cliProgress from 'cli-progress';

export interface Progress {
  update(processed: number): void;
  stop(): void;
}

/**
 * Progress of an import on the operator's terminal: a bar with rows per second and the time
 * left; when the output is piped to a file or a log, a plain line every few seconds instead.
 */
export function importProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const speed = (processed: number) => Math.round(processed / Math.max(0.001, (Date.now() - started) / 1000));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'Importing |{bar}| {value}/{total} rows · {speed} rows/s · {eta_formatted} left',
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { speed: 0 });
    return {
      update: (processed) => bar.update(processed, { speed: speed(processed) }),
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(processed) {
      if (Date.now() - lastLine < 2000 && processed < total) return;
      lastLine = Date.now();
      const percent = total > 0 ? Math.floor((processed / total) * 100) : 100;
      stream.write(`${processed}/${total} rows (${percent}%), ${speed(processed)} rows/s\n`);
    },
    stop: () => undefined,
  };
}
