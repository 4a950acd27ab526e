// `process` in the editor bundle: modules pulled in with init's blank report
// read process.env when they load (an empty environment here).
export const process = { env: {} as Record<string, string | undefined>, platform: 'browser', nextTick: (f: () => void) => queueMicrotask(f) };
