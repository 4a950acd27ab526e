// A git repository holding the working tree as it is now (tracked and new,
// unignored files), so that pre-commit and npm see the current code, not HEAD.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

/** Environment for child tools: no npm-script or git-hook variables leaking in. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|NPM_CONFIG_|GIT_|PRE_COMMIT|INIT_CWD$|NODE_OPTIONS$|VITEST|NODE_ENV$)/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...extra };
}

const GIT_ID = ['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', '-c', 'commit.gpgsign=false'];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...GIT_ID, ...args], { cwd, encoding: 'utf8', env: cleanEnv() });
}

export function snapshotRepo(target: string): string {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(target, f)), { recursive: true });
    cpSync(join(ROOT, f), join(target, f));
  }
  git(target, 'init', '-q');
  git(target, 'add', '-A');
  git(target, 'commit', '-q', '-m', 'snapshot');
  return git(target, 'rev-parse', 'HEAD').trim();
}
