// Where each rule's page is read: docs/rules/<ID>.md of the published package,
// on unpkg (as the schema's $id), for the version that reported the finding.
// package.json names no repository, so no repository URL is guessed here.
import { VERSION } from '../version.js';

/** The folder of the rule pages, relative to the package root. */
export const RULE_DOCS_DIR = 'docs/rules';

/** The page of a rule, relative to the package root (README links, the docs build). */
export const rulePagePath = (id: string): string => `${RULE_DOCS_DIR}/${id}.md`;

/** The page of a rule as an absolute URL (SARIF helpUri, `report rules`). */
export const rulePageUrl = (id: string): string => `https://unpkg.com/xxgk-report@${VERSION}/${rulePagePath(id)}`;
