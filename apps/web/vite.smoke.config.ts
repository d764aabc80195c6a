import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
export default mergeConfig(base, defineConfig({ preview: { port: 4999, strictPort: true, headers: { 'Content-Security-Policy': csp }, proxy: base.server!.proxy } }));
