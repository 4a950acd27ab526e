// Rule 6: publication date against the deadline of Article 49, and the edition for the year.
import type { Finding } from '../diagnostics/finding.js';
import { defineRule, finding } from './define.js';
import { field } from '../model/cells.js';


export const dates = defineRule({
  ids: ['DATE-LATE', 'DATE-EARLY', 'YEAR-EDITION', 'SCHEMA-YEAR'],
  check(data, ctx) {
    const out: Finding[] = [];
    const year = field(data, 'year');
    const published = field(data, 'published');
    const scope = field(data, 'scope') === 'government' ? 'government' : 'agency';
    if (typeof year !== 'number' || !Number.isInteger(year)) return out;
    const current = ctx.today.getUTCFullYear();
    if (year > current) out.push(finding('SCHEMA-YEAR', '/year', { value: year, limit: current }));
    if (year < 2021 && year >= 2008) out.push(finding('YEAR-EDITION', '/year', { year }));
    if (typeof published === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published)) {
      const deadline = `${year + 1}-${scope === 'government' ? '03-31' : '01-31'}`;
      if (published > deadline) out.push(finding('DATE-LATE', '/published', { published, deadline, scope }));
      if (published <= `${year}-12-31`) out.push(finding('DATE-EARLY', '/published', { published, year }));
    }
    return out;
  },
});
