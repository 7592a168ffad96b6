// Bundles the server into dist/main.js, the demo into dist/demo.js and the search index rebuild into
// dist/search-rebuild.js; npm packages stay external, workspace sources are inlined. The search
// dictionary is read at run time from beside the bundle, so it is copied into dist/ too.
import { copyFileSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@zhoubao/'));

await build({
  entryPoints: {
    main: new URL('./src/main.ts', import.meta.url).pathname,
    demo: new URL('./src/demo/main.ts', import.meta.url).pathname,
    'search-rebuild': new URL('./src/features/search/search.rebuild-main.ts', import.meta.url).pathname,
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

copyFileSync(
  new URL('./src/features/search/tax-dictionary.txt', import.meta.url),
  new URL('./dist/tax-dictionary.txt', import.meta.url),
);
