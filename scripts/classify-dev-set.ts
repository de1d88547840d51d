/**
 * Scores the classifier on the labelled dev set from description-level facts.
 * Usage: npx tsx scripts/classify-dev-set.ts [--misses] [--json]
 */
import { scoreDevSet } from '../test/classify/dev-set-harness.ts';

const score = scoreDevSet();
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
