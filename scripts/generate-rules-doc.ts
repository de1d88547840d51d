/** Writes docs/rules.md from the rule definitions. Usage: npx tsx scripts/generate-rules-doc.ts */
import { writeFileSync } from 'node:fs';
import { renderRulesDoc, RULES_DOC_PATH } from '../crawler/classify/rules-doc.ts';

writeFileSync(RULES_DOC_PATH, renderRulesDoc());
process.stdout.write(`wrote ${RULES_DOC_PATH}\n`);
