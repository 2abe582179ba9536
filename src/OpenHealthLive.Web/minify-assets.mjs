// Minifies the site's own scripts and styles from Assets/ into wwwroot/ (run by the build: OpenHealthLive.Web.csproj,
// target MinifyBrowserAssets). File by file, nothing bundled: the modules keep importing each other by the same paths.
// Usage: node minify-assets.mjs Assets/js/a.js Assets/css/b.css …
import { build } from 'esbuild';

const files = process.argv.slice(2);
await build({
  entryPoints: files,
  outbase: 'Assets',
  outdir: 'wwwroot',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
}).catch(() => process.exit(1));
