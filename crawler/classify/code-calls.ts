/**
 * Calls in a handler's source that reveal what it really does. The handler is read as text and
 * never run; each pattern names an API family, not a project.
 */
import { callArguments, hostSource, runsFixedProgram, type HostSource } from './call-target.ts';

export type CodeCallKind = 'shell' | 'eval' | 'file-write' | 'file-delete' | 'http' | 'sql' | 'payment' | 'mail' | 'iam';

export interface CodeCall {
  kind: CodeCallKind;
  file: string;
  line: number;
  quote: string;
  /** HTTP calls: whether the request's host can come from a parameter. */
  host?: HostSource;
  /** Process calls: a fixed program run with arguments, not a command line. */
  fixedProgram?: boolean;
}

/** `only` limits a pattern to files of one language family, where a bare name means different things. */
const PATTERNS: { kind: CodeCallKind; pattern: RegExp; only?: 'python' | 'other' }[] = [
  { kind: 'shell', pattern: /\b(child_process|execSync|execFileSync|spawnSync|execa|shelljs|subprocess\.(run|call|Popen|check_output|check_call)|os\.(system|popen|exec[lv]p?e?)|Runtime\.getRuntime\(\)\.exec|new ProcessBuilder|exec\.Command(Context)?|Command::new|Process\.Start|asyncio\.create_subprocess_(shell|exec))\b/ },
  // In JavaScript a bare exec()/spawn() is child_process; in Python exec() is the interpreter.
  { kind: 'shell', pattern: /(^|[^.\w])(exec|execFile|spawn)\(\s*[`'"\w]/, only: 'other' },
  { kind: 'eval', pattern: /(^|[^.\w])(exec|compile)\(|\brunpy\.|\bimportlib\.import_module\(/, only: 'python' },
  { kind: 'eval', pattern: /(^|[^.\w])eval\(|\bnew Function\(|\bvm\.(runIn\w+|Script)\b|\bScriptEngine\b|\bpage\.evaluate\(/ },
  { kind: 'file-write', pattern: /\b(writeFile(Sync)?|appendFile(Sync)?|createWriteStream|Files\.(write|writeString|newBufferedWriter)|os\.WriteFile|ioutil\.WriteFile|fs::write|File\.(WriteAll\w+|AppendAll\w+)|write_text|write_bytes)\b|\bopen\([^)]*,\s*['"][wa]b?\+?['"]/ },
  { kind: 'file-delete', pattern: /\b(unlink(Sync)?|rmSync|rmdir(Sync)?|fs\.rm|fs\.promises\.rm|os\.(remove|unlink|rmdir)|shutil\.rmtree|Files\.delete(IfExists)?|os\.Remove(All)?|remove_file|remove_dir_all|File\.Delete|Directory\.Delete)\b/ },
  { kind: 'http', pattern: /(^|[^.\w])fetch\w*\(|\baxios(\.\w+)?\(|\bgot\(|\bhttps?\.(get|request)\(|\brequests\.(get|post|put|request)\(|\bhttpx\.|\burllib\.request\.urlopen\(|\bhttp\.(Get|Post|NewRequest)\(|\breqwest::|\bHttpClient\b|\bWebClient\b/ },
  { kind: 'sql', pattern: /\b(executeQuery|executeUpdate|prepareStatement|cursor\.execute|\.executemany|db\.(query|exec|run|all)|pool\.query|client\.query|conn(ection)?\.(query|execute|exec)|sqlx::query|\$queryRawUnsafe|\$executeRawUnsafe)\b/ },
  { kind: 'payment', pattern: /\b(refunds|charges|transfers|payouts|paymentIntents)\.(create|capture|confirm)\b|\bstripe\.\w+\.(create|capture)\b.*\b(refund|charge|transfer|payout)/i },
  { kind: 'mail', pattern: /\b(sendMail|send_mail|smtplib|nodemailer|emails\.send|sendEmail|send_email|SendEmail|messages\.send|chat\.postMessage|sendMessage)\b/ },
  { kind: 'iam', pattern: /\b(createAccessKey|putRolePolicy|attachRolePolicy|putUserPolicy|setIamPolicy|createRoleBinding|createClusterRoleBinding|addCollaborator|updatePermissions|grant_role|createApiKey)\b/ },
];

/** Every recognised call in the handler, one per kind and line, in line order; `params` are the tool's parameter names. */
export function scanHandler(code: { file: string; startLine: number; text: string } | null, params: readonly string[] = []): CodeCall[] {
  if (!code) return [];
  const calls: CodeCall[] = [];
  const family = code.file.endsWith('.py') ? 'python' : 'other';
  const lines = code.text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = stripComment(raw);
    const seen = new Set<CodeCallKind>();
    for (const { kind, pattern, only } of PATTERNS) {
      if (only && only !== family) continue;
      const match = pattern.exec(line);
      if (seen.has(kind) || !match) continue;
      seen.add(kind);
      const call: CodeCall = { kind, file: code.file, line: code.startLine + index, quote: raw.trim().slice(0, 200) };
      if (kind === 'http' || kind === 'shell') {
        // A call's arguments often continue on the next lines.
        const rest = [line.slice(match.index), ...lines.slice(index + 1, index + 6)].join('\n');
        const open = rest.indexOf('(', Math.max(1, match[0].length - 1));
        const args = open >= 0 && open < 80 ? callArguments(rest, open) : [];
        if (kind === 'http') call.host = hostSource(args, params, code.text);
        else call.fixedProgram = runsFixedProgram(args);
      }
      calls.push(call);
    }
  }
  return calls;
}

/** Drops line comments so a commented-out call is not evidence. */
function stripComment(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('#') || trimmed.startsWith('*')) return '';
  return line;
}
