// The Markdown of the text sections (总体情况, 存在的主要问题及改进情况, …):
// parsed once by markdown-it with raw HTML disabled, then either rendered to
// HTML or written back as normalised Markdown that passes markdownlint.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** markdown-it with raw HTML off, no typographer, links checked (javascript:, vbscript:, file: refused). */
export function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
  // An image would make the page fetch it: show a link to it instead.
  md.renderer.rules.image = (tokens, idx, _opts, _env, self) => {
    const t = tokens[idx]!;
    const alt = self.renderInlineAsText(t.children ?? [], _opts, _env) || (t.attrGet('src') ?? '');
    return `<a href="${md.utils.escapeHtml(t.attrGet('src') ?? '')}" rel="noopener noreferrer">${md.utils.escapeHtml(alt)}</a>`;
  };
  const linkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return linkOpen(tokens, idx, opts, env, self);
  };
  return md;
}

let shared: MarkdownIt | undefined;
const mdi = () => (shared ??= createMarkdownIt());

const PUNCT_END = /[.,;:!?。，；：！？]$/;

/** A paragraph that is only bold or italic text, used as a sub-heading (markdownlint MD036). */
const significant = (inline: Token | undefined) => (inline?.children ?? []).filter((t) => !(t.type === 'text' && t.content === ''));

function emphasisHeading(inline: Token | undefined): boolean {
  const c = significant(inline);
  if (c.length < 3) return false;
  const open = c[0]!.type;
  if (open !== 'strong_open' && open !== 'em_open') return false;
  if (c[c.length - 1]!.type !== open.replace('_open', '_close')) return false;
  const inner = c.slice(1, -1);
  if (!inner.every((t) => t.type === 'text')) return false;
  const text = inner.map((t) => t.content).join('').trim();
  return text !== '' && !PUNCT_END.test(text);
}

/**
 * Parses the user's Markdown and fits its headings under a section heading:
 * the first heading level becomes `base`, and no level is skipped.
 */
export function parseSection(src: string, base: number): Token[] {
  const tokens = mdi().parse(src.replace(/\r\n?/g, '\n'), {});
  const levels = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  const min = levels.length ? Math.min(...levels) : 1;
  let prev = base - 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const out = Math.min(6, base + (Number(t.tag.slice(1)) - min), prev + 1);
      prev = out;
      t.tag = `h${out}`;
      tokens[i + 2]!.tag = t.tag;
    } else if (t.type === 'paragraph_open' && !t.hidden && t.level === 0 && emphasisHeading(tokens[i + 1])) {
      const inline = tokens[i + 1]!;
      inline.children = significant(inline).slice(1, -1);
      const out = Math.min(base, prev + 1);
      t.type = 'heading_open';
      t.tag = `h${out}`;
      t.markup = '#'.repeat(out);
      const close = tokens[i + 2]!;
      close.type = 'heading_close';
      close.tag = t.tag;
    }
  }
  return tokens;
}

/** The section's Markdown as HTML: raw HTML shown as text, unsafe links refused, no images fetched. */
export function markdownToHtml(src: string, base = 3): string {
  const md = mdi();
  return md.renderer.render(parseSection(src, base), md.options, {});
}

// ── Markdown out ─────────────────────────────────────────────────────────

interface Node { token: Token; children: Node[] }

function tree(tokens: readonly Token[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token.nesting === 1) {
      const n: Node = { token, children: [] };
      top.push(n);
      stack.push(n.children);
    } else if (token.nesting === -1) {
      stack.pop();
    } else {
      top.push({ token, children: [] });
    }
  }
  return root;
}

/**
 * Escapes text so it reads back as the same text (no emphasis, links, HTML,
 * tables, headings). URLs and e-mail addresses stay text, as in the HTML
 * (markdown-it runs without linkify): `https\://`, `www\.` and `\@` keep GFM
 * from turning them into links (and markdownlint's MD034 quiet).
 */
export function escapeMarkdownText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>#|~&!@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\.(?=\S)/gi, '$1\\.');
}

/** Escapes what would start a block at the beginning of a line. */
export function escapeLineStart(line: string): string {
  return line
    // A leading -, + or = could make a list item, a thematic break or a setext underline.
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function inline(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'text': out += escapeMarkdownText(t.content.replace(/\t/g, '    ')); break;
      case 'softbreak': out += '\n'; break;
      case 'hardbreak': out += '\\\n'; break;
      case 'code_inline': {
        // Spaces at the edges of a code span trip MD038; they carry no meaning in a report.
        const content = t.content.replace(/\t/g, ' ').trim();
        if (content === '') { out += escapeMarkdownText(t.content); break; }
        const runs = content.match(/`+/g) ?? [];
        const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
        const pad = /^`|`$/.test(content) ? ' ' : '';
        out += `${fence}${pad}${content}${pad}${fence}`;
        break;
      }
      case 'strong_open': case 'strong_close': out += '**'; break;
      case 'em_open': case 'em_close': out += '*'; break;
      case 's_open': case 's_close': out += '~~'; break;
      case 'link_open': {
        let j = i + 1;
        while (j < tokens.length && tokens[j]!.type !== 'link_close') j++;
        const href = t.attrGet('href') ?? '';
        let text = inline(tokens.slice(i + 1, j)).trim();
        if (text === '') text = escapeMarkdownText(href);
        out += `[${text}](${linkTarget(href)})`;
        i = j;
        break;
      }
      case 'image': {
        const src = t.attrGet('src') ?? '';
        const alt = t.content.trim() || src;
        out += `[${escapeMarkdownText(alt)}](${linkTarget(src)})`;
        break;
      }
      default: out += escapeMarkdownText(t.content);
    }
  }
  return out.split('\n').map((l, n) => (n === 0 ? l : escapeLineStart(l)).replace(/[^\S\n]+$/, '')).join('\n');
}

function linkTarget(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

const indent = (text: string, first: string, rest: string) =>
  text.split('\n').map((l, i) => (i === 0 ? first + l : l === '' ? '' : rest + l)).join('\n');

interface Ctx { readonly flat: boolean; readonly seen: Set<string>; readonly nested?: boolean }

function blocks(nodes: readonly Node[], ctx: Ctx): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const t = n.token;
    switch (t.type) {
      case 'paragraph_open': out.push(escapeLineStart(inline(n.children[0]?.token.children ?? []))); break;
      case 'heading_open': {
        const text = inline(n.children[0]?.token.children ?? []).replace(/\n/g, ' ');
        if (text.trim() === '') break;
        // A heading seen before in the document trips MD024: keep it as a paragraph.
        // Inside a list or quote a heading would be indented (MD023): keep it as a paragraph too.
        if (ctx.flat || ctx.nested || ctx.seen.has(text)) { out.push(escapeLineStart(text)); break; }
        ctx.seen.add(text);
        const level = Number(t.tag.slice(1));
        // A heading ending in punctuation trips MD026: keep it as bold text instead.
        out.push(PUNCT_END.test(text) ? `**${text}**` : `${'#'.repeat(level)} ${text}`);
        break;
      }
      case 'bullet_list_open': case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        let num = Number(t.attrGet('start') ?? 1);
        const tight = n.children.some((item) => item.children.some((c) => c.token.hidden));
        if (ordered && num !== 1) {
          // markdownlint (MD029) wants lists to start at 1: keep the numbers as text instead.
          out.push(n.children.map((item) => {
            const body = blocks(item.children, { ...ctx, nested: true });
            const label = `${num++}\\.`;
            // Only a paragraph can follow the number on its line.
            return item.children[0]?.token.type === 'paragraph_open' ? [`${label} ${body[0]}`, ...body.slice(1)].join('\n\n') : [label, ...body].join('\n\n');
          }).join('\n\n'));
          break;
        }
        const items = n.children.map((item) => {
          const marker = ordered ? `${num++}. ` : '- ';
          const body = blocks(item.children, { ...ctx, nested: true }).join('\n\n');
          const pad = ' '.repeat(marker.length);
          // A list right after the marker could read as a thematic break (- - -): start it on the next line.
          const first = item.children[0]?.token.type;
          if (body && (first === 'bullet_list_open' || first === 'ordered_list_open')) return `${marker.trimEnd()}\n${indent(body, pad, pad)}`;
          return indent(body || '', marker, pad).replace(/ +$/gm, '');
        });
        out.push(items.join(tight ? '\n' : '\n\n'));
        break;
      }
      case 'blockquote_open': {
        const body = blocks(n.children, { ...ctx, nested: true }).join('\n\n');
        out.push(body.split('\n').map((l) => (l === '' ? '>' : `> ${l}`)).join('\n'));
        break;
      }
      case 'code_block': case 'fence': {
        const content = t.content.replace(/\t/g, '    ').replace(/\n$/, '');
        const lines = content.split('\n').filter((l) => l.trim() !== '');
        if (lines.length && lines.every((l) => l.startsWith('$'))) {
          // Only shell prompts and no output trips MD014: keep the lines as text.
          out.push(lines.map((l) => escapeLineStart(escapeMarkdownText(l.trim()))).join('\\\n'));
          break;
        }
        const runs = content.match(/^`{3,}/gm) ?? [];
        const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
        const lang = (t.info ?? '').trim().split(/\s+/)[0]?.replace(/`/g, '') || 'text';
        out.push(`${fence}${lang}\n${content.replace(/[ \t]+$/gm, '')}\n${fence}`);
        break;
      }
      // markdownlint (MD035) reads a rule inside a list as another style: leave it out there.
      case 'hr': if (!ctx.nested) out.push('---'); break;
      case 'table_open': out.push(userTable(n)); break;
      default:
        if (n.children.length) out.push(...blocks(n.children, ctx));
        else if (t.content) out.push(escapeMarkdownText(t.content));
    }
  }
  return out.filter((b) => b !== '');
}

function userTable(n: Node): string {
  const rows: string[][] = [];
  const aligns: string[] = [];
  const visit = (m: Node) => {
    if (m.token.type === 'tr_open') {
      const cells = m.children.map((c) => {
        if (rows.length === 0) {
          const style = c.token.attrGet('style') ?? '';
          aligns.push(style.includes('center') ? ':---:' : style.includes('right') ? '---:' : style.includes('left') ? ':---' : '---');
        }
        return inline(c.children[0]?.token.children ?? []).replace(/\n/g, ' ');
      });
      rows.push(cells);
    } else m.children.forEach(visit);
  };
  n.children.forEach(visit);
  const width = aligns.length;
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0] ?? []), line(aligns), ...rows.slice(1).map(line)].join('\n');
}

export interface NormalizeOptions {
  /** Level of the section's first heading (default 3). */
  readonly base?: number;
  /** Write headings as plain paragraphs (the preamble, before any section). */
  readonly flat?: boolean;
  /** Headings already in the document (escaped text); repeats are written as paragraphs. Updated. */
  readonly seen?: Set<string>;
}

/** The section's Markdown written back in one consistent, lint-clean style, headings fitted under `base`. */
export function normalizeMarkdown(src: string, options: NormalizeOptions = {}): string {
  return blocks(tree(parseSection(src, options.base ?? 3)), { flat: Boolean(options.flat), seen: options.seen ?? new Set() })
    .join('\n\n')
    .replace(/[^\S\n]+$/gm, '');
}
