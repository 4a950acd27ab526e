// The registry: every rule the tool can report, one definition each, in the
// order of the documentation (README table, docs/rules/, `report rules`,
// SARIF). Ids are never reused.
import type { RuleDefinition } from './rule.js';
import { parseAlias, parseBinary, parseDuplicateKey, parseEmpty, parseEncoding, parseMultiDoc, parseNotMapping, parseSyntax, parseTooDeep, parseTooLarge } from './parse.js';
import { schemaDate, schemaDecimals, schemaEdition, schemaEnum, schemaNegative, schemaPattern, schemaRequired, schemaTooLarge, schemaType, schemaUnknownKey } from './schema.js';
import { dateEarly, dateLate, schemaYear, yearEdition } from './dates.js';
import { t3Balance, t3OutcomeTotal, t3RowTotal } from './table3.js';
import { t2InForce, t4Total } from './table2-4.js';
import { prevCarry, prevInForce } from './previous.js';
import { prevCopied } from './copied.js';
import { textTable } from './text.js';
import { prevItems, prevPublishedInForce, t2ItemsNegative, t2PublishedTotal } from './edition2019.js';

export type { Stage } from './rule.js';

export const RULES = [
  parseSyntax, parseDuplicateKey, parseMultiDoc, parseEmpty, parseNotMapping, parseAlias, parseTooLarge, parseTooDeep, parseBinary, parseEncoding,
  schemaRequired, schemaUnknownKey, schemaType, schemaNegative, schemaTooLarge, schemaEdition, schemaEnum, schemaPattern, schemaDecimals, schemaYear, schemaDate,
  t3RowTotal, t3OutcomeTotal, t3Balance, t4Total, t2InForce, t2ItemsNegative, t2PublishedTotal,
  dateLate, dateEarly, yearEdition,
  prevCarry, prevInForce, prevItems, prevPublishedInForce, prevCopied,
  textTable,
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof RULES)[number]['id'];

/** A rule's definition (the name the library has exported since the catalogue). */
export type RuleInfo = RuleDefinition<RuleId>;

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
