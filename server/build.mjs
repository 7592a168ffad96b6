// Bundles the server into dist/main.js and the demo into dist/demo.js; npm packages stay external,
// workspace sources are inlined.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@zhoubao/'));

await build({
  entryPoints: {
    main: new URL('./src/main.ts', import.meta.url).pathname,
    demo: new URL('./src/demo/main.ts', import.meta.url).pathname,
  },
  outdir: new URL('./dist', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  define: { 'process.env.ZHOUBAO_VERSION': JSON.stringify(root.version) },
  banner: {
    js: "import { createRequire as __zbCreateRequire } from 'node:module'; const require = __zbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
