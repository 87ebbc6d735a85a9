/**
 * How the analysis commands start: `tsx analysis/<command>.ts` runs `main` and exits with
 * its code; a crash (a bug, not bad input, which `main` reports itself) prints its stack
 * and exits 3. Imported by tests, a command module starts nothing.
 */
export function runIfEntry(entry: RegExp, main: (argv: string[]) => Promise<number>): void {
  if (process.argv[1] === undefined || !entry.test(process.argv[1])) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(3);
    }
  );
}
