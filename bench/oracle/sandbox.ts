/** The unprivileged user published servers run as when we are root (`nobody` on Debian). */
export const SANDBOX_UID = 65534;

/** A published server's executable, as the package ships it. */
export interface ServerLaunch {
  command: string;
  args: string[];
  /** Folders of the package's executables (node_modules/.bin, a venv's bin), put first on PATH. */
  pathDirs: string[];
}

/** The sandbox's temporary folders: the empty home the server gets, its TMPDIR. */
export interface SandboxDirs {
  home: string;
  tmp: string;
}

/** System folders the server may find programs in (node itself comes from `nodeDir`). */
const SYSTEM_PATH = ['/usr/local/bin', '/usr/bin', '/bin'];

/**
 * The whole environment a server sees: PATH, HOME, TMPDIR and the placeholders. Nothing is inherited
 * from ours, so no token or key of the machine can reach it.
 */
export function serverEnvironment(launch: ServerLaunch, dirs: SandboxDirs, nodeDir: string, placeholders: Record<string, string>): Record<string, string> {
  const path = [...launch.pathDirs, nodeDir, ...SYSTEM_PATH].filter((dir, index, all) => all.indexOf(dir) === index);
  return { ...placeholders, PATH: path.join(':'), HOME: dirs.home, TMPDIR: dirs.tmp };
}

/**
 * The command that runs a server cut off from the network: its own session (one process group to
 * kill), a new network namespace with only loopback up, a new PID namespace (whatever it forks dies
 * with it), as `nobody` with no new privileges when we are root, and an environment emptied by
 * `env -i` before the placeholders are set.
 */
export function sandboxCommand(launch: ServerLaunch, env: Record<string, string>, asRoot: boolean): { command: string; args: string[] } {
  const namespaces = ['unshare', '--net', '--pid', '--fork', '--kill-child', ...(asRoot ? [] : ['--map-root-user']), '--'];
  // Loopback up so a server's own local sockets behave as on a machine without a network.
  const loopback = ['sh', '-c', 'ip link set lo up 2>/dev/null; exec "$@"', 'oracle-sandbox'];
  const dropPrivileges = asRoot ? ['setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, '--clear-groups', '--no-new-privs', '--'] : [];
  const environment = ['env', '-i', ...Object.entries(env).map(([name, value]) => `${name}=${value}`)];
  return { command: 'setsid', args: [...namespaces, ...loopback, ...dropPrivileges, ...environment, launch.command, ...launch.args] };
}
