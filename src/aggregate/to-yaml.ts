// The roll-up report as a YAML data file: labels as comments, a row of cells
// on one line each, like the examples. Pure.
import { KEY_LABELS, writeYaml } from '../model/to-yaml.js';

export function aggregateToYaml(report: Record<string, unknown>, header: readonly string[]): string {
  return writeYaml(report, {
    header,
    comment: (path) => {
      const label = KEY_LABELS.get(path);
      return label ? [label] : undefined;
    },
    // The placeholders of the texts as blocks, to be written over; the agency's name on its line.
    text: (path) => (path === 'format' ? 'quoted' : path === 'agency' ? undefined : 'block'),
  });
}
