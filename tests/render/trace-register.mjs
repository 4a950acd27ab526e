// node --import ./trace-register.mjs …: records loaded modules (see trace-hooks.mjs).
import { register } from 'node:module';
register('./trace-hooks.mjs', import.meta.url, { data: { out: process.env.XXGK_TRACE_FILE } });
