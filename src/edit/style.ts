// The editor page's styles (inline in the page; allowed by their hash).
export const EDIT_CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:0;color:#222}
#app{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:0 1rem}
header{grid-column:1/3;position:sticky;top:0;background:#f6f7f9;border-bottom:1px solid #ccd;padding:.5rem 1rem;z-index:5}
header h1{font-size:1.1rem;margin:.2rem 0}
main{padding:0 1rem 4rem}
aside{padding:0 1rem;border-left:1px solid #ccd;max-height:calc(100vh - 8rem);overflow:auto;position:sticky;top:8rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
.toolbar .import input{margin-left:.4rem}
#status.bad,#summary.bad,.bad>q{color:#b00020}
#summary.warn{color:#8a5a00}
#summary.ok{color:#1b6e20}
#section-top label{display:inline-block;margin:.3rem 1rem .3rem 0}
.text textarea{width:100%;font:inherit;box-sizing:border-box}
.text-notes li{color:#8a5a00}
.text-notes q{background:#fff4cc}
.table-wrap{overflow-x:auto}
table.form{border-collapse:collapse;margin:.5rem 0;font-size:.85rem}
table.form th,table.form td{border:1px solid #888;padding:.15rem .3rem;vertical-align:middle}
table.form th{background:#f0f0f0;font-weight:normal}
table.form td{position:relative;padding:0}
input.cell{width:4.2rem;border:0;padding:.3rem;text-align:right;font:inherit;background:transparent}
input.cell.computed{background:#eceff1}
input.cell.computed::placeholder{color:#666}
input.cell:focus{outline:2px solid #1a73e8}
td.bad{background:#fde7ea;outline:2px solid #b00020}
td.warn{background:#fff4cc}
td.gap{background:#fff0d9}
.eq,td.eq{outline:3px solid #e37400 !important}
.cellmsg{display:none}
td.bad:hover .cellmsg,td.bad:focus-within .cellmsg,td.warn:hover .cellmsg,td.warn:focus-within .cellmsg,td.gap:focus-within .cellmsg{display:block;position:absolute;left:0;top:100%;z-index:4;width:18rem;background:#fff;border:1px solid #b00020;padding:.3rem;white-space:pre-wrap;font-size:.8rem;text-align:left}
#findings li.error a{color:#b00020}
#findings li.warning a{color:#8a5a00}
#preview{position:fixed;inset:2rem;background:#fff;border:2px solid #555;z-index:10;display:flex;flex-direction:column}
#preview iframe{flex:1;border:0}
#new-report{padding:2rem}
#new-report label{display:block;margin:.5rem 0}
`;
