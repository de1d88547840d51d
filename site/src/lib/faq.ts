import { policyJsonStance, type PolicyView } from './policies.ts';
import { riskLabel } from './risk.ts';
import { summaryText } from './text.ts';

/**
 * The FAQ of a tool page, generated from the same data as the policy it recommends. The answers are
 * about policy.json, and every field they name is one of POLICY_JSON_FIELDS (PolicyLayer's published
 * schema): unlike PolicyLayer's own FAQ, never `rate_limit`, `action` or `reason`, which policy.json lacks.
 */
export const POLICY_JSON_FIELDS = ['version', 'default', 'hide', 'tools', 'limits', 'counter', 'window', 'max', 'scope', 'require', 'deny_if', 'all_tools'] as const;

/** A run of answer text: plain words, or a field, value or tool name shown as code. */
export type FaqSegment = string | { code: string };

export interface FaqEntry {
  question: string;
  answer: FaqSegment[];
}

export interface FaqInput {
  toolName: string;
  serverName: string;
  repository: string;
  commit: string | null;
  description: string | null;
  category: string | null;
  risk: string | null;
  rationale: string | null;
  policies: PolicyView[];
}

const code = (text: string) => ({ code: text });

export function toolFaq(input: FaqInput): FaqEntry[] {
  const { toolName: name } = input;
  const policyJson = input.policies.find((policy) => policy.format === 'policy-json');
  const faq: FaqEntry[] = [];

  faq.push({
    question: `What does ${name} do?`,
    answer: input.description
      ? [`Its description says: “${summaryText(input.description, 240)}”`, input.category ? ` We classify it as ${input.category}.` : '']
      : ['It declares no description.', input.category ? ` We classify it as ${input.category} from its name, schema and code.` : ''],
  });

  faq.push({
    question: `What is the risk level of ${name}?`,
    answer: input.risk ? [`${riskLabel(input.risk)}.`, input.rationale ? ` ${summaryText(input.rationale, 240)}` : ''] : ['It has not been classified yet.'],
  });

  if (!policyJson) {
    faq.push({ question: `How do I control ${name} with a policy?`, answer: ['No policy.json is recommended until the tool is classified; a policy with ', code('default'), ' set to ', code('"deny"'), ' blocks it.'] });
    faq.push({ question: `Which server provides ${name}?`, answer: serverAnswer(input) });
    return faq;
  }

  const stance = policyJsonStance(policyJson.text, name);
  switch (stance.kind) {
    case 'hidden':
      faq.push({ question: `How does the recommended policy.json control ${name}?`, answer: ['It lists ', code(name), ' under ', code('hide'), ': the gateway removes it from the tool list and denies every call.'] });
      faq.push({ question: `Can I rate-limit ${name} instead of blocking it?`, answer: ['Yes, once you accept the risk: remove it from ', code('hide'), ' and add it under ', code('tools'), ' with a ', code('limits'), ' entry (', code('counter'), ', ', code('window'), ', ', code('max'), ').'] });
      faq.push({ question: `How do I block ${name} completely?`, answer: ['The recommended policy already does: it is in ', code('hide'), '.'] });
      break;
    case 'limited': {
      const [limit] = stance.limits;
      faq.push({ question: `How does the recommended policy.json control ${name}?`, answer: ['It allows ', code(name), ' under ', code('tools'), ' with a ', code('limits'), ' entry: at most ', code(String(limit.max)), ` calls per ${limit.window}, counted in `, code(limit.counter), ...(limit.scope ? [' per ', code(limit.scope)] : []), '. Every other tool stays denied by ', code('default'), '.'] });
      faq.push({ question: `Can I rate-limit ${name}?`, answer: ['It is already limited; change ', code('max'), ' or ', code('window'), ' in its ', code('limits'), ' entry.'] });
      faq.push({ question: `How do I block ${name} completely?`, answer: ['Add ', code(name), ' to ', code('hide'), ' and remove it from ', code('tools'), '.'] });
      break;
    }
    case 'allowed':
      faq.push({ question: `How does the recommended policy.json control ${name}?`, answer: ['It allows ', code(name), ' with an empty entry under ', code('tools'), '; tools not listed stay denied by ', code('default'), '.'] });
      faq.push({ question: `Can I rate-limit ${name}?`, answer: ['Yes: give its entry under ', code('tools'), ' a ', code('limits'), ' list with a ', code('counter'), ', a ', code('window'), ' and a ', code('max'), '.'] });
      faq.push({ question: `How do I block ${name} completely?`, answer: ['Add ', code(name), ' to ', code('hide'), ' and remove it from ', code('tools'), '.'] });
      break;
    default:
      faq.push({ question: `How does the recommended policy.json control ${name}?`, answer: ['It does not list the tool, so ', code('default'), ' decides.'] });
  }

  const allowed = policyJson.examples.filter((example) => example.decision === 'allow').length;
  const denied = policyJson.examples.length - allowed;
  if (policyJson.examples.length > 0) {
    faq.push({ question: `Which calls does the policy allow?`, answer: [`The examples above were checked against this policy.json: ${allowed} allowed, ${denied} denied.`] });
  }
  faq.push({ question: `Which server provides ${name}?`, answer: serverAnswer(input) });
  return faq;
}

function serverAnswer(input: FaqInput): FaqSegment[] {
  return [`The ${input.serverName} server, in the repository ${input.repository}`, ...(input.commit ? [', read at commit ', code(input.commit.slice(0, 12))] : []), '.'];
}
