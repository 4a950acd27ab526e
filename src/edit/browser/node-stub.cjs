// Node's modules in the editor bundle: the core paths the page runs never call
// them (file writing in init's command, the full Handlebars compiler for
// --template); a call says so instead of failing obscurely.
module.exports = new Proxy({}, {
  get(_, key) {
    if (key === '__esModule') return false;
    return () => { throw new Error(`not available in the browser: ${String(key)}`); };
  },
});
