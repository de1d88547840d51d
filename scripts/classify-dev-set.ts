/**
 * Scores the classifier on the labelled dev set from description-level facts.
 * Usage: npx tsx scripts/classify-dev-set.ts [--misses] [--json] [--code DIR]
 * --code DIR adds approximate handler code from the checkouts under DIR (e.g. /work/devset).
 */
import { scoreDevSet } from '../test/classify/dev-set-harness.ts';

const codeAt = process.argv.indexOf('--code');
const score = scoreDevSet(undefined, codeAt > 0 ? process.argv[codeAt + 1] : undefined);
const { rows, ...figures } = score;
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key.padEnd(18)} ${value}\n`);
}
if (process.argv.includes('--misses')) {
  for (const row of rows) {
    const catOk = row.predicted.category === row.truth.category;
    const riskOk = row.predicted.risk === row.truth.risk;
    if (catOk && riskOk) continue;
    process.stdout.write(`${row.unsure ? '?' : ' '} ${row.repo.split('/')[1]}/${row.name}: truth ${row.truth.category}/${row.truth.risk} got ${row.predicted.category}/${row.predicted.risk} [${row.predicted.rules.join(',')}]\n`);
  }
}
