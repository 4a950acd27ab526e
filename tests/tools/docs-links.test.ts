// Every relative link of README.md and docs/**/*.md points at a file of the
// repository, and every #anchor at a heading (GitHub's slugs) of its page.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import { ROOT } from '../helpers/cli.js';

const md = new MarkdownIt({ html: true });

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return markdownFiles(p);
    return f.endsWith('.md') ? [p] : [];
  });
}

export const PAGES = [join(ROOT, 'README.md'), ...(existsSync(join(ROOT, 'docs')) ? markdownFiles(join(ROOT, 'docs')) : [])];

/** GitHub's heading ids (github-slugger): lower case, punctuation and symbols dropped, spaces to hyphens, repeats numbered. */
export function anchorsOf(text: string): Set<string> {
  const tokens = md.parse(text, {});
  const seen = new Map<string, number>();
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const words = (tokens[i + 1]!.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('');
    const base = words.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  });
  for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

/** Every link and image target of a page, with its line. */
export function linksOf(text: string): { href: string; line: number }[] {
  const out: { href: string; line: number }[] = [];
  for (const block of md.parse(text, {})) {
    for (const t of block.children ?? []) {
      const href = t.type === 'link_open' ? t.attrGet('href') : t.type === 'image' ? t.attrGet('src') : null;
      if (href !== null) out.push({ href, line: (block.map?.[0] ?? 0) + 1 });
    }
  }
  return out;
}

/** Folders that exist only after a build or install, never in the repository. */
const NOT_IN_REPO = ['node_modules', 'dist', '.build', 'bench/.data', 'test-output'];

function broken(page: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined; // absolute: not checked here
  const [rawPath, rawAnchor] = href.split('#', 2) as [string, string | undefined];
  const path = decodeURIComponent(rawPath);
  const target = path === '' ? page : resolve(dirname(page), path);
  const rel = relative(ROOT, target);
  if (rel.startsWith('..') || rel.startsWith(sep)) return 'points outside the repository';
  if (NOT_IN_REPO.some((d) => rel === d || rel.startsWith(`${d}/`))) return 'points at a built or installed file';
  if (!existsSync(target)) return 'no such file';
  if (rawAnchor === undefined) return undefined;
  if (!target.endsWith('.md') || statSync(target).isDirectory()) return 'an anchor on a page that is not Markdown';
  const anchor = decodeURIComponent(rawAnchor);
  return anchorsOf(readFileSync(target, 'utf8')).has(anchor) ? undefined : `no heading #${anchor} in ${relative(ROOT, target)}`;
}

describe('documentation links', () => {
  it('finds the pages', () => {
    expect(PAGES.map((p) => relative(ROOT, p))).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/data-file.md', 'docs/across.md', 'docs/reliability.md', 'docs/performance.md', 'docs/development.md']));
  });

  for (const page of PAGES) {
    it(`${relative(ROOT, page)}: every relative link and anchor resolves`, () => {
      const bad = linksOf(readFileSync(page, 'utf8'))
        .map(({ href, line }) => ({ href, line, why: broken(page, href) }))
        .filter((l) => l.why !== undefined)
        .map((l) => `${relative(ROOT, page)}:${l.line}  ${l.href}  ${l.why}`);
      expect(bad).toEqual([]);
    });
  }

  it('the README links to every page of docs/ (outside docs/rules/)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = new Set(linksOf(readme).map((l) => l.href.split('#')[0]));
    const pages = PAGES.map((p) => relative(ROOT, p)).filter((p) => p.startsWith('docs/') && !p.startsWith('docs/rules/'));
    expect(pages.filter((p) => !linked.has(p))).toEqual([]);
  });

  it('the checker itself: slugs as GitHub makes them, broken links caught', () => {
    expect([...anchorsOf('# A b\n## `--fix`\n### husky + lint-staged\n## 三、表格（一）\n# A b\n<a id="x"></a>')])
      .toEqual(['a-b', '--fix', 'husky--lint-staged', '三表格一', 'a-b-1', 'x']);
    const page = join(ROOT, 'README.md');
    expect(broken(page, 'docs/cli.md')).toBeUndefined();
    expect(broken(page, 'https://example.com/x#y')).toBeUndefined();
    expect(broken(page, 'docs/no-such-page.md')).toBe('no such file');
    expect(broken(page, '#no-such-heading')).toBe('no heading #no-such-heading in README.md');
    expect(broken(page, '../outside.md')).toBe('points outside the repository');
    expect(broken(page, 'dist/index.js')).toBe('points at a built or installed file');
    expect(linksOf('[a](x.md#b) ![i](p.png)\n\n`[not](a-link.md)`\n\n```\n[nor](this.md)\n```')).toEqual([{ href: 'x.md#b', line: 1 }, { href: 'p.png', line: 1 }]);
  });
});
