// Generated at build time from templates/*.hbs (see src/render/precompile.ts).
import type { TemplateName } from '../templates.js';
export declare const TEMPLATE_SPECS: Record<TemplateName, object>;
