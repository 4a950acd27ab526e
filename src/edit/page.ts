// The editor page (bundled for the browser by scripts/build.mjs): the form in
// the official layout, drawn from the renderer's view model (buildView), and
// checked on every change by the validate pipeline (src/edit/core.ts).
import { buildView, type CellView, type TableView } from '../render/view.js';
import { renderReport } from '../render/index.js';
import { formatMessage } from '../diagnostics/format-message.js';
import type { Finding, LocatedFinding } from '../diagnostics/finding.js';
import { SECTION_ORDER, SECTIONS, TOP_FIELDS } from '../model/edition2021.js';
import type { Lang } from '../model/label.js';
import { blankReport } from '../commands/init.js';
import { checkText, EditableText, parseCellInput, type Checked, type EditValue } from './core.js';
import { t } from './strings.js';

export interface PageConfig {
  readonly mode: 'server' | 'export';
  readonly lang: Lang;
  /** The data file's name (shown, and used for downloads). */
  readonly filename: string;
  /** The file's text, or null for a new report. */
  readonly text: string | null;
  /** The server writes the file (otherwise Save downloads it). */
  readonly canSave: boolean;
}

const STORE = 'xxgk-edit:work';

/** Splits a pasted row (Excel gives tabs, Word often spaces). */
export function pastedRow(text: string): string[] {
  const line = text.replace(/\r/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.includes('\t') ? line.split('\t').map((s) => s.trim()) : line.trim().split(/\s+/);
}

interface State {
  editable: EditableText;
  edits: Map<string, EditValue>;
  text: string;
  checked: Checked;
  gaps: Map<string, string>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Labels of each data cell from the header cells of the grid: row labels, then the nearest run of column headers above. */
function cellLabels(table: TableView): Map<string, string> {
  const grid: (CellView | undefined)[][] = [];
  const rows = table.groups.flatMap((g) => g.rows);
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (grid[r + dr] ??= [])[c + dc] = cell;
      c += cell.colspan ?? 1;
    }
  });
  const isHeadRow = (r: number) => rows[r]!.cells.every((cell) => cell.th);
  const out = new Map<string, string>();
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.th || !cell.pointer) continue;
      const c = grid[r]!.indexOf(cell);
      const parts: string[] = [];
      for (let x = 0; x < c; x++) { const h = grid[r]![x]; if (h?.th && h.className !== 'note' && !parts.includes(h.text)) parts.push(h.text); }
      let up = r - 1;
      while (up >= 0 && !isHeadRow(up)) up--;
      const cols: string[] = [];
      while (up >= 0 && isHeadRow(up)) {
        const h = grid[up]![c];
        if (h?.th && h.className !== 'note' && h.className !== 'block' && !cols.includes(h.text)) cols.unshift(h.text);
        up--;
      }
      out.set(cell.pointer, [...parts, ...cols].join(' · '));
    }
  });
  return out;
}

export function startPage(cfg: PageConfig): { text: () => string | undefined } {
  const lang = cfg.lang;
  const word = (f: Finding | LocatedFinding) => formatMessage(f, lang);
  const root = document.getElementById('app')!;
  const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
  let st: State | undefined;
  const handle = { text: () => st?.text };

  const say = (msg: string, bad = false) => { status.textContent = msg; status.className = bad ? 'bad' : ''; };

  const load = (text: string, gaps = new Map<string, string>()) => {
    st = { editable: new EditableText(text, cfg.filename), edits: new Map(), text, checked: checkText(text, cfg.filename), gaps };
    draw();
  };

  // Keeps the work in the browser (the exported page; the server's page also keeps it as a safety net).
  const keep = () => { try { if (st) localStorage.setItem(STORE, JSON.stringify({ filename: cfg.filename, text: st.text })); } catch { /* storage full or off */ } };

  function change(pointer: string, value: EditValue) {
    if (!st) return;
    st.edits.set(pointer, value);
    st.text = st.editable.apply(st.edits);
    st.checked = checkText(st.text, cfg.filename);
    refresh();
    keep();
  }

  // ---- drawing (once per loaded text) ----
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const boxes = new Map<string, HTMLElement>();
  const textNotes = new Map<string, HTMLElement>();
  let findingsList: HTMLOListElement;
  let summary: HTMLParagraphElement;

  function toolbar(): HTMLElement {
    const bar = el('div', { class: 'toolbar', role: 'toolbar' });
    const save = el('button', { type: 'button', id: 'save' }, cfg.canSave ? t('save', lang) : t('saveDownload', lang));
    save.addEventListener('click', () => void doSave());
    const prev = el('button', { type: 'button', id: 'preview-button' }, t('preview', lang));
    prev.addEventListener('click', showPreview);
    bar.append(save, prev, el('span', {}, t('download', lang)));
    for (const [id, label] of [['html', t('html', lang)], ['fragment', t('fragment', lang)], ['md', t('md', lang)], ['data', t('data', lang)]] as const) {
      const b = el('button', { type: 'button', id: `download-${id}` }, label);
      b.addEventListener('click', () => download(id));
      bar.append(b);
    }
    const imp = el('label', { class: 'import' }, t('importLabel', lang));
    const file = el('input', { type: 'file', id: 'import-file', accept: '.txt,.md,.html,.htm,.docx' });
    file.addEventListener('change', () => { if (file.files?.[0]) void importFile(file.files[0]); });
    imp.append(file);
    bar.append(imp);
    return bar;
  }

  function draw() {
    inputs.clear(); boxes.clear(); textNotes.clear();
    root.textContent = '';
    const s = st!;
    const data = s.checked.load.data;
    const header = el('header');
    header.append(el('h1', {}, `${t('title', lang)} · ${cfg.filename}`), toolbar(), status);
    summary = el('p', { id: 'summary' });
    header.append(summary);
    root.append(header);
    const main = el('main');
    const aside = el('aside', { 'aria-label': t('findings', lang) });
    aside.append(el('h2', {}, t('findings', lang)));
    findingsList = el('ol', { id: 'findings' });
    aside.append(findingsList);
    root.append(main, aside);
    if (data === undefined || data === null || typeof data !== 'object') {
      main.append(el('p', { class: 'bad' }, t('notParsed', lang)));
      refresh();
      return;
    }
    const view = buildView(data, { lang });
    // The top fields.
    const top = el('section', { id: 'section-top' });
    for (const [key, pointer] of [['agency', '/agency'], ['year', '/year'], ['published', '/published'], ['office', '/contact/office'], ['address', '/contact/address'], ['phone', '/contact/phone']] as const) {
      const label = el('label', {}, TOP_FIELDS[key].zh + ' ');
      const input = el('input', { type: 'text', 'data-pointer': pointer, id: `field-${key}` });
      const v = pointer.split('/').slice(1).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
      input.value = v === undefined || v === null ? '' : String(v);
      input.addEventListener('input', () => change(pointer, key === 'year' ? parseCellInput(input.value) : input.value === '' ? undefined : input.value));
      label.append(input);
      top.append(label);
      inputs.set(pointer, input);
      boxes.set(pointer, label);
    }
    top.append(textArea('/preamble', SECTIONS.preamble.zh, view.preamble?.markdown ?? ''));
    main.append(top);
    for (const key of SECTION_ORDER) {
      const sec = view[key];
      const box = el('section', { id: sec.id });
      box.append(el('h2', {}, sec.title));
      if (sec.markdown !== undefined) box.append(textArea(`/${key}`, sec.title, sec.markdown));
      for (const table of sec.tables) box.append(formTable(table));
      main.append(box);
      boxes.set(`/${key}`, box);
    }
    refresh();
  }

  function textArea(pointer: string, label: string, value: string): HTMLElement {
    const wrap = el('div', { class: 'text' });
    const id = `text-${pointer.slice(1)}`;
    const area = el('textarea', { id, 'data-pointer': pointer, 'aria-label': label, rows: '8' });
    area.value = value;
    area.addEventListener('input', () => change(pointer, area.value));
    const notes = el('ul', { class: 'text-notes', id: `${id}-notes` });
    area.setAttribute('aria-describedby', notes.id);
    wrap.append(area, notes);
    inputs.set(pointer, area);
    boxes.set(pointer, wrap);
    textNotes.set(pointer, notes);
    return wrap;
  }

  function formTable(table: TableView): HTMLElement {
    const labels = cellLabels(table);
    const tableEl = el('table', { id: table.id, class: 'form' });
    let rowIndex = 0;
    for (const group of table.groups) {
      const part = el(group.head ? 'thead' : 'tbody');
      for (const row of group.rows) {
        const tr = el('tr', { 'data-row': String(rowIndex++) });
        let col = 0;
        for (const cell of row.cells) {
          const td = el(cell.th ? 'th' : 'td');
          if (cell.rowspan) td.rowSpan = cell.rowspan;
          if (cell.colspan) td.colSpan = cell.colspan;
          if (cell.th) {
            if (cell.scope) td.setAttribute('scope', cell.scope);
            td.textContent = cell.text;
          } else if (cell.pointer) {
            const input = el('input', { type: 'text', inputmode: 'numeric', class: 'cell', 'data-pointer': cell.pointer, 'data-col': String(col), 'aria-label': labels.get(cell.pointer) ?? cell.pointer });
            input.value = cell.className?.includes('computed') ? '' : cell.text;
            const msg = el('div', { class: 'cellmsg', id: `msg-${cell.pointer.replace(/\W/g, '_')}` });
            input.setAttribute('aria-describedby', msg.id);
            const pointer = cell.pointer;
            input.addEventListener('input', () => change(pointer, parseCellInput(input.value)));
            input.addEventListener('keydown', (e) => move(e, input));
            input.addEventListener('paste', (e) => paste(e, input));
            td.append(input, msg);
            inputs.set(pointer, input);
            boxes.set(pointer, td);
          }
          tr.append(td);
          col += cell.colspan ?? 1;
        }
        part.append(tr);
      }
      tableEl.append(part);
    }
    const wrap = el('div', { class: 'table-wrap' });
    wrap.append(tableEl);
    return wrap;
  }

  // ---- spreadsheet moves ----
  const cellsOf = (input: HTMLElement) => [...input.closest('table')!.querySelectorAll<HTMLInputElement>('input.cell')];
  function move(e: KeyboardEvent, input: HTMLInputElement) {
    const all = cellsOf(input);
    const i = all.indexOf(input);
    let target: HTMLInputElement | undefined;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (e.key === 'Enter') target = all[e.shiftKey ? i - 1 : i + 1];
    else if (e.key === 'ArrowLeft' && atStart) target = all[i - 1];
    else if (e.key === 'ArrowRight' && atEnd) target = all[i + 1];
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const row = Number(input.closest('tr')!.dataset.row);
      const col = input.dataset.col;
      const down = e.key === 'ArrowDown';
      const candidates = all.filter((x) => x.dataset.col === col && (down ? Number(x.closest('tr')!.dataset.row) > row : Number(x.closest('tr')!.dataset.row) < row));
      target = down ? candidates[0] : candidates[candidates.length - 1];
    } else return;
    e.preventDefault();
    if (target) { target.focus(); target.select(); }
  }

  function paste(e: ClipboardEvent, input: HTMLInputElement) {
    const values = pastedRow(e.clipboardData?.getData('text/plain') ?? '');
    if (values.length < 2) return;
    e.preventDefault();
    const row = [...input.closest('tr')!.querySelectorAll<HTMLInputElement>('input.cell')];
    const from = row.indexOf(input);
    if (!st) return;
    values.slice(0, row.length - from).forEach((v, k) => {
      const target = row[from + k]!;
      target.value = v;
      st!.edits.set(target.dataset.pointer!, parseCellInput(v));
    });
    change(input.dataset.pointer!, parseCellInput(values[0]!));
  }

  // ---- marks, list, summary (after every change) ----
  let highlighted: HTMLElement[] = [];
  const relatedOf = new Map<HTMLElement, string[]>();
  const unhighlight = () => { for (const h of highlighted) h.classList.remove('eq'); highlighted = []; };
  const highlight = (pointers: readonly string[]) => {
    unhighlight();
    for (const p of pointers) { const b = boxes.get(p); if (b) { b.classList.add('eq'); highlighted.push(b); } }
  };
  /** The box a finding belongs to: its cell, else the first cell under its pointer, else its section. */
  const boxFor = (pointer: string): HTMLElement | undefined => {
    if (boxes.has(pointer)) return boxes.get(pointer);
    for (const [p, b] of boxes) if (p.startsWith(`${pointer}/`)) return b;
    const top = `/${pointer.split('/')[1] ?? ''}`;
    return boxes.get(top);
  };

  function refresh() {
    const s = st!;
    const data = s.checked.load.data;
    // Computed totals: greyed, their value as the placeholder.
    if (data && typeof data === 'object') {
      const view = buildView(data, { lang });
      for (const sec of view.sections) for (const table of sec.tables) for (const g of table.groups) for (const row of g.rows) for (const cell of row.cells) {
        if (!cell.pointer) continue;
        const input = inputs.get(cell.pointer) as HTMLInputElement | undefined;
        if (!input) continue;
        const computed = Boolean(cell.className?.includes('computed'));
        input.classList.toggle('computed', computed);
        input.placeholder = computed ? cell.text : '';
        input.title = computed ? `${cell.text} ${t('computed', lang)}` : '';
      }
    }
    relatedOf.clear();
    for (const b of boxes.values()) { b.classList.remove('bad', 'warn'); b.removeAttribute('data-rule'); }
    for (const m of root.querySelectorAll('.cellmsg')) m.textContent = '';
    for (const n of textNotes.values()) n.textContent = '';
    findingsList.textContent = '';
    let errors = 0;
    let warnings = 0;
    for (const f of s.checked.findings) {
      if (f.severity === 'error') errors++; else warnings++;
      const box = boxFor(f.pointer);
      const message = word(f);
      const related = [f.pointer, ...f.related.map((r) => r.pointer)];
      if (box) {
        box.classList.add(f.severity === 'error' ? 'bad' : 'warn');
        box.dataset.rule = f.ruleId;
        const m = box.querySelector('.cellmsg');
        if (m) m.textContent = `${m.textContent ? `${m.textContent}\n` : ''}${message}（${f.ruleId}）`;
        relatedOf.set(box, [...(relatedOf.get(box) ?? []), ...related]);
        if (!box.dataset.hl) {
          box.dataset.hl = '1';
          const on = () => highlight(relatedOf.get(box) ?? []);
          box.addEventListener('mouseenter', on);
          box.addEventListener('focusin', on);
          box.addEventListener('mouseleave', unhighlight);
          box.addEventListener('focusout', unhighlight);
        }
      }
      const li = el('li', { class: f.severity, 'data-rule': f.ruleId, 'data-pointer': f.pointer });
      const a = el('a', { href: '#' }, `${f.line}:${f.column} ${message}`);
      a.addEventListener('click', (e) => {
        e.preventDefault();
        const target = inputs.get(f.pointer) ?? (boxFor(f.pointer)?.querySelector('input,textarea') as HTMLElement | null) ?? boxFor(f.pointer);
        target?.focus();
        target?.scrollIntoView({ block: 'center' });
      });
      a.addEventListener('mouseenter', () => highlight(related));
      a.addEventListener('mouseleave', unhighlight);
      li.append(a, el('code', {}, ` ${f.ruleId}`));
      findingsList.append(li);
    }
    // Text against table (rule 9) and other text findings: at the sentence.
    for (const f of s.checked.raw) {
      const notes = textNotes.get(f.pointer);
      if (!notes || f.textOffset === undefined) continue;
      const text = (data as Record<string, unknown>)[f.pointer.slice(1)];
      const li = el('li', { class: f.severity, 'data-rule': f.ruleId });
      li.append(el('q', {}, typeof text === 'string' ? sentenceAt(text, f.textOffset) : ''), el('span', {}, ` ${word(f)}（${f.ruleId}）`));
      notes.append(li);
    }
    for (const [pointer, why] of s.gaps) {
      const box = boxFor(pointer);
      if (!box) continue;
      box.classList.add('gap');
      const m = box.querySelector('.cellmsg');
      if (m && !m.textContent) m.textContent = `${t('gap', lang)}：${why}`;
    }
    const total = errors + warnings;
    summary.textContent = total === 0 ? t('noFindings', lang)
      : lang === 'zh' ? `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
        : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    summary.className = errors ? 'bad' : warnings ? 'warn' : 'ok';
  }

  // ---- save, preview, downloads, import ----
  const errorCount = () => st!.checked.findings.filter((f) => f.severity === 'error').length;

  async function doSave() {
    if (!st) return;
    if (!cfg.canSave) { download('data'); return; }
    try {
      const r = await fetch('/save', { method: 'POST', headers: { 'content-type': 'application/json', 'x-xxgk-edit': '1' }, body: JSON.stringify({ text: st.text }), credentials: 'same-origin' });
      const body = (await r.json()) as { error?: string; message?: string };
      if (r.status === 409) { say(t('changedOnDisk', lang)(cfg.filename), true); return; }
      if (!r.ok) { say(t('saveFailed', lang)(body.message ?? String(r.status)), true); return; }
      // The saved text is the new base: later saves splice into it.
      const text = st.text;
      st.editable = new EditableText(text, cfg.filename);
      st.edits = new Map();
      const n = errorCount();
      say(n ? t('savedWithErrors', lang)(cfg.filename, n) : t('saved', lang)(cfg.filename), n > 0);
    } catch (e) {
      say(t('saveFailed', lang)((e as Error).message), true);
    }
  }

  function rendered(format: 'html' | 'md', fragment = false): string {
    const s = st!;
    const findings = s.checked.findings.filter((f) => f.severity === 'error');
    return renderReport(s.checked.load.data, { format, fragment, lang, ...(findings.length ? { findings } : {}) });
  }

  function download(kind: 'html' | 'fragment' | 'md' | 'data') {
    if (!st || (kind !== 'data' && st.checked.load.data === undefined)) return;
    const stem = cfg.filename.replace(/\.(ya?ml|json)$/i, '');
    const [text, name, type] = kind === 'data' ? [st.text, cfg.filename, 'application/yaml']
      : kind === 'md' ? [rendered('md'), `${stem}.md`, 'text/markdown']
        : [rendered('html', kind === 'fragment'), `${stem}${kind === 'fragment' ? '.fragment' : ''}.html`, 'text/html'];
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(t('downloaded', lang)(name));
  }

  function showPreview() {
    if (!st || st.checked.load.data === undefined) return;
    document.getElementById('preview')?.remove();
    const box = el('div', { id: 'preview', role: 'dialog', 'aria-label': t('preview', lang) });
    const close = el('button', { type: 'button', id: 'preview-close' }, t('closePreview', lang));
    close.addEventListener('click', () => box.remove());
    // Sandboxed, no scripts: the page as render makes it, its styles allowed by the page's policy (their hash).
    const frame = el('iframe', { sandbox: '', title: t('preview', lang) });
    frame.srcdoc = rendered('html');
    box.append(close, frame);
    document.body.append(box);
    close.focus();
  }

  async function importFile(file: File) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { importReport } = await import('../import/import.js');
      const { toYaml } = await import('../import/to-yaml.js');
      const { describeGap, refusalMessage } = await import('../import/messages.js');
      const result = await importReport(bytes, { filename: file.name });
      if (result.refused) { say(t('importFailed', lang)(refusalMessage(result, file.name, lang)), true); return; }
      const text = /\.json$/i.test(cfg.filename) ? `${JSON.stringify(result.report, null, 2)}\n`
        : toYaml(result, { source: file.name, when: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), lang });
      load(text, new Map(result.gaps.map((g) => [g.pointer, describeGap(g, lang)])));
      keep();
      say(result.gaps.length ? t('imported', lang)(file.name, result.gaps.length) : t('importedAll', lang)(file.name));
    } catch (e) {
      say(t('importFailed', lang)((e as Error).message), true);
    }
  }

  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files?.[0];
    if (f) void importFile(f);
  });

  // ---- start ----
  let initial = cfg.text;
  let restored = false;
  if (cfg.mode === 'export') {
    try {
      const kept = JSON.parse(localStorage.getItem(STORE) ?? 'null') as { text?: string } | null;
      if (kept?.text) { initial = kept.text; restored = true; }
    } catch { /* nothing kept */ }
  }
  if (initial !== null) {
    load(initial);
    if (restored) say(t('restored', lang));
    return handle;
  }
  // A new report: agency and year first, then the blank report as init writes it.
  const form = el('form', { id: 'new-report' });
  form.append(el('h1', {}, t('newReport', lang)));
  const agency = el('input', { type: 'text', id: 'new-agency', required: '' });
  const year = el('input', { type: 'text', id: 'new-year', inputmode: 'numeric', pattern: '\\d{4}', required: '' });
  year.value = String(new Date().getFullYear() - 1);
  const la = el('label', {}, `${t('agency', lang)} `); la.append(agency);
  const ly = el('label', {}, `${t('year', lang)} `); ly.append(year);
  const go = el('button', { type: 'submit', id: 'new-start' }, t('create', lang));
  form.append(la, ly, go);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!/\S/.test(agency.value) || !/^\d{4}$/.test(year.value)) return;
    load(blankReport({ agency: agency.value.trim(), year: Number(year.value) }));
    keep();
  });
  root.append(form);
  return handle;
}

/** The sentence around an offset of a text (up to 。！？; or a line break). */
export function sentenceAt(text: string, offset: number): string {
  let a = offset;
  while (a > 0 && !/[。！？；\n]/.test(text[a - 1]!)) a--;
  let b = offset;
  while (b < text.length && !/[。！？；\n]/.test(text[b]!)) b++;
  return text.slice(a, Math.min(text.length, b + 1)).trim();
}

declare global { interface Window { __xxgkEdit?: { check: typeof checkText; text: () => string | undefined } } }

const cfgNode = typeof document !== 'undefined' ? document.getElementById('xxgk-config') : null;
if (cfgNode) {
  const page = startPage(JSON.parse(cfgNode.textContent ?? '{}') as PageConfig);
  // For the benchmark (bench/edit.mjs): the page's own check and text, callable from outside.
  window.__xxgkEdit = { check: checkText, text: page.text };
}
