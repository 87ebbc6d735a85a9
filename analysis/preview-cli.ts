/**
 * npm run preview -- --text "文本" [--dict DIR] [--against DIR]
 * npm run preview -- --against DIR [--dict DIR] [--top N] [files or folders…]
 *
 * Shows how a text is cut, or which term counts an edited copy of the dictionaries would
 * change in a corpus, before anything is re-analysed. Writes nothing.
 */
import { parseArgs } from 'node:util';
import { DEFAULTS, nodeEffects, say, usageFromParseError } from './cli.ts';
import { cliText, formatDiagnostic, messageText, printable } from './messages.ts';
import { diagnosticsOf, readInputs } from './pipeline.ts';
import { compareSegmenters, cutLine } from './preview.ts';
import { createSegmenter, loadDictionaries } from './segment/index.ts';
import { runIfEntry } from './entry.ts';

const DEFAULT_TOP = 40;
const EXAMPLES = 10;

interface PreviewArgs {
  text: string | null;
  dict: string;
  against: string | null;
  top: number;
  inputs: string[];
}

function parsePreviewArgs(argv: string[]): PreviewArgs | null {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { text: { type: 'string' }, dict: { type: 'string' }, against: { type: 'string' }, top: { type: 'string' } }
  });
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1) return null;
  if (values.text === undefined && values.against === undefined) return null;
  return {
    text: values.text ?? null,
    dict: values.dict ?? DEFAULTS.dict,
    against: values.against ?? null,
    top,
    inputs: positionals.length > 0 ? positionals : DEFAULTS.inputs
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

async function preview(args: PreviewArgs, out: (line: string) => void): Promise<void> {
  const now = createSegmenter(await loadDictionaries(args.dict));
  const edited = args.against === null ? null : createSegmenter(await loadDictionaries(args.against));
  if (args.text !== null) {
    out(cliText('preview-now', { cut: cutLine(now, args.text) }));
    if (edited) out(cliText('preview-after', { cut: cutLine(edited, args.text) }));
    return;
  }
  const editions = await readInputs(args.inputs, nodeEffects(() => {}, () => {}));
  const { changes, passages } = compareSegmenters(now, edited!, editions, EXAMPLES);
  if (changes.length === 0) return out(cliText('preview-same', { passages }));
  out(cliText('preview-changes', { n: changes.length, passages }));
  const width = Math.max(...changes.slice(0, args.top).map((c) => c.term.length));
  for (const c of changes.slice(0, args.top)) {
    out(`  ${c.term.padEnd(width + 1, '　')} ${String(c.before).padStart(5)} → ${String(c.after).padEnd(5)} ${signed(c.after - c.before)}`);
  }
  if (changes.length > args.top) out(cliText('preview-more', { n: changes.length - args.top }));
  for (const c of changes.slice(0, Math.min(args.top, EXAMPLES))) {
    if (!c.example) continue;
    out('');
    out(cliText('preview-example', { term: c.term, where: c.example.where }));
    out('  ' + cliText('preview-now', { cut: c.example.before }));
    out('  ' + cliText('preview-after', { cut: c.example.after }));
  }
}

export async function main(argv: string[], out: (line: string) => void = (l) => process.stdout.write(printable(l) + '\n')): Promise<number> {
  let args: PreviewArgs | null;
  try {
    args = parsePreviewArgs(argv);
  } catch (error) {
    say(process.stderr, usageFromParseError(error).diagnostic.message);
    args = null;
  }
  if (args === null) {
    process.stderr.write(cliText('preview-usage') + '\n');
    return 2;
  }
  try {
    await preview(args, out);
    return 0;
  } catch (error) {
    const diagnostics = diagnosticsOf(error);
    if (diagnostics === null) throw error;
    for (const d of diagnostics) say(process.stderr, formatDiagnostic(d));
    say(process.stderr, messageText('preview-failed'));
    return 1;
  }
}

runIfEntry(/analysis[\\/]preview-cli\.ts$/, main);
