// Findings are data until they are printed: the formatters (and render, and
// the few one-line errors that quote a finding) word them here, in one language.
import type { Lang } from '../model/label.js';
import { RULE_BY_ID, RULES, type RuleId } from '../rules/catalog.js';
import type { Message } from '../rules/rule.js';
import type { Finding } from './finding.js';
import { describePointer } from '../model/cells.js';

/** A finding's message: its rule's words, with the cell named by its labels. */
export function formatMessage(f: Pick<Finding, 'ruleId' | 'pointer' | 'params'>, lang: Lang): string {
  const rule = RULE_BY_ID.get(f.ruleId);
  if (!rule) return f.ruleId;
  return rule.message[lang](f.params, describePointer(f.pointer, lang));
}

/** Every rule's message, by id (from the definitions). */
export const MESSAGES: Readonly<Record<RuleId, Message>> = Object.fromEntries(RULES.map((r) => [r.id, r.message])) as Record<RuleId, Message>;
