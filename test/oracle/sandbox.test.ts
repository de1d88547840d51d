import { describe, expect, it } from 'vitest';
import { SANDBOX_UID, sandboxCommand, serverEnvironment, type ServerLaunch } from '../../bench/oracle/sandbox.ts';

const launch: ServerLaunch = { command: '/usr/bin/node', args: ['/tmp/mcp-oracle-x/app/node_modules/notes-mcp/dist/index.js', '--stdio'], pathDirs: ['/tmp/mcp-oracle-x/app/node_modules/.bin'] };
const dirs = { home: '/tmp/mcp-oracle-x/home-0', tmp: '/tmp/mcp-oracle-x/tmp-0' };

/** The environment `env -i` hands the server: the NAME=VALUE words between `-i` and the executable. */
function environmentOf(args: string[]): string[] {
  const start = args.indexOf('-i') + 1;
  return args.slice(start, args.indexOf(launch.command, start));
}

describe('the sandbox a published server runs in', () => {
  it('gets only PATH, HOME, TMPDIR and its placeholders, none of our variables', () => {
    process.env.GITHUB_TOKEN = 'ghp_a-secret-of-this-machine';
    process.env.AWS_SECRET_ACCESS_KEY = 'another-secret';
    const env = serverEnvironment(launch, dirs, '/usr/bin', { NOTES_TOKEN: 'oracle-placeholder' });
    const { args } = sandboxCommand(launch, env, true);
    delete process.env.GITHUB_TOKEN;
    delete process.env.AWS_SECRET_ACCESS_KEY;

    expect(environmentOf(args).map((word) => word.split('=')[0]).sort()).toEqual(['HOME', 'NOTES_TOKEN', 'PATH', 'TMPDIR']);
    expect(args.join(' ')).not.toMatch(/secret/i);
    expect(environmentOf(args)).toContain('HOME=/tmp/mcp-oracle-x/home-0');
    expect(environmentOf(args)).toContain('PATH=/tmp/mcp-oracle-x/app/node_modules/.bin:/usr/bin:/usr/local/bin:/bin');
  });

  it('a placeholder cannot replace the empty home or the PATH', () => {
    const env = serverEnvironment(launch, dirs, '/usr/bin', { HOME: '/root', PATH: '/somewhere' });
    expect(env.HOME).toBe(dirs.home);
    expect(env.PATH.startsWith('/tmp/mcp-oracle-x/app/node_modules/.bin:')).toBe(true);
  });

  it('starts in its own session, without network, in its own PID namespace, as nobody, with the environment emptied', () => {
    const { command, args } = sandboxCommand(launch, serverEnvironment(launch, dirs, '/usr/bin', {}), true);
    expect(command).toBe('setsid');
    expect(args.slice(0, 6)).toEqual(['unshare', '--net', '--pid', '--fork', '--kill-child', '--']);
    const setpriv = args.indexOf('setpriv');
    expect(args.slice(setpriv, setpriv + 6)).toEqual(['setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, '--clear-groups', '--no-new-privs', '--']);
    const envAt = args.indexOf('env');
    expect(args[envAt + 1]).toBe('-i');
    expect(envAt).toBeGreaterThan(setpriv);
    expect(args.slice(-3)).toEqual([launch.command, ...launch.args]);
  });

  it('without root it maps itself to root in a user namespace instead of changing user', () => {
    const { args } = sandboxCommand(launch, serverEnvironment(launch, dirs, '/usr/bin', {}), false);
    expect(args).toContain('--map-root-user');
    expect(args).toContain('--net');
    expect(args).not.toContain('setpriv');
  });
});
