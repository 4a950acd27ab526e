// The rule documentation, made from the definitions (markdownlint's
// doc-build is the model): one page per rule, docs/rules/<ID>.md, and the
// README's rule table between RULES_START and RULES_END. `npm run docs`
// writes them; tests/rules-docs.test.ts fails when they are stale.
import type { Label } from '../model/label.js';
import { RULES } from './catalog.js';
import { rulePagePath } from './page-url.js';
import type { RuleDefinition, Stage } from './rule.js';

export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

const GENERATED = '<!-- Generated from src/rules/ by `npm run docs`: edit the rule\'s definition, not this file. -->';

const SEVERITY: Record<RuleDefinition['severity'], Label> = { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' } };
const STAGE: Record<Stage, Label> = {
  parse: { zh: '语法', en: 'parse' },
  schema: { zh: '结构', en: 'schema' },
  arithmetic: { zh: '勾稽', en: 'arithmetic' },
  consistency: { zh: '一致性', en: 'consistency' },
};

const both = (l: Label) => `${l.zh} · ${l.en}`;
const paragraphs = (l: Label) => `${l.zh}\n\n${l.en}`;

/** Who reports the rule's id, and from what. */
function input(rule: RuleDefinition): Label {
  if (rule.reportedBy === 'loader') return { zh: '读取文件时（src/load/）', en: 'the loader (src/load/)' };
  if (rule.reportedBy === 'schema') return { zh: 'JSON Schema 检查时（src/schema/）', en: 'the schema stage (src/schema/)' };
  if (rule.needs === 'previous') return { zh: '本年和上年的报告（`--previous`）', en: "this year's and last year's report (`--previous`)" };
  return { zh: '一份报告的数据', en: "one report's data" };
}

function examplesNote(rule: RuleDefinition): Label {
  if (rule.examples.illustrative) return { zh: '示例仅作说明：问题在文件的字节中，无法用文字写出。', en: "Illustrative only: the problem is in the file's bytes, which text cannot show." };
  if (rule.stage === 'parse') return { zh: '每个示例是一整个文件。', en: 'Each example is a whole file.' };
  return { zh: '示例只写出相关的键，其余与一份完整的报告相同。', en: 'The examples show the keys concerned; the rest is as in a complete report.' };
}

const yaml = (text: string) => ['```yaml', text.trimEnd(), '```'].join('\n');

/** The page of one rule, Markdown. */
export function rulePage(rule: RuleDefinition): string {
  const ex = rule.examples;
  const lines = [
    GENERATED,
    '',
    `# ${rule.id}`,
    '',
    `${rule.title.zh}  `,
    rule.title.en,
    '',
    '| 级别 · severity | 阶段 · stage | 检查 · checks |',
    '| --- | --- | --- |',
    `| ${both(SEVERITY[rule.severity])} | ${both(STAGE[rule.stage])} | ${both(input(rule))} |`,
    '',
    '## 检查什么 · What it checks',
    '',
    paragraphs(rule.description),
    '',
    '## 依据 · Basis',
    '',
    paragraphs(rule.basis),
    '',
    '## 示例 · Examples',
    '',
    paragraphs(examplesNote(rule)),
    '',
    ...(ex.previous ? ['上年报告 · Last year\'s report:', '', yaml(ex.previous), ''] : []),
    '错误 · Wrong:',
    '',
    yaml(ex.wrong),
    '',
    '正确 · Right:',
    '',
    yaml(ex.right),
    '',
    '## 如何修改 · How to fix',
    '',
    paragraphs(rule.fix),
    '',
    '---',
    '',
    '[全部规则 · All rules](../../README.md)',
    '',
  ];
  return lines.join('\n');
}

const cell = (s: string) => {
  if (s.includes('|') || s.includes('\n')) throw new Error(`a rule title cannot hold | or a line break: ${s}`);
  return s;
};

/** The README's rule table (between the markers), Markdown. */
export function rulesTable(): string {
  return [
    '| id | severity | stage | 说明 | meaning |',
    '|---|---|---|---|---|',
    ...(RULES as readonly RuleDefinition[]).map((r) => `| [\`${r.id}\`](${rulePagePath(r.id)}) | ${r.severity} | ${r.stage} | ${cell(r.title.zh)} | ${cell(r.title.en)} |`),
  ].join('\n');
}

/** The README with its rule table replaced; an error when the markers are missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${RULES_START} … ${RULES_END} around the rule table`);
  return `${readme.slice(0, start + RULES_START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

/** Every page, by path relative to the package root. */
export function rulePages(): Map<string, string> {
  return new Map((RULES as readonly RuleDefinition[]).map((r) => [rulePagePath(r.id), rulePage(r)]));
}
