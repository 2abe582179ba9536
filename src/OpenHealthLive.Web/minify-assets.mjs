// Minifies the site's own scripts and styles from Assets/ into wwwroot/ (run by the build: OpenHealthLive.Web.csproj,
// target MinifyBrowserAssets). Scripts file by file, nothing bundled: the modules keep importing each other by the same
// paths. A style sheet's @import is inlined (site.css imports slides.css, which the talk archive embeds too), so a page
// still loads one style sheet; the fonts it points at stay where the site serves them.
// Usage: node minify-assets.mjs Assets/js/a.js Assets/css/b.css …
import { build } from 'esbuild';

const files = process.argv.slice(2);
const common = { outbase: 'Assets', outdir: 'wwwroot', minify: true, sourcemap: 'linked', logLevel: 'warning' };
const scripts = files.filter(f => f.endsWith('.js'));
const styles = files.filter(f => f.endsWith('.css'));
await Promise.all([
  scripts.length ? build({ ...common, entryPoints: scripts }) : null,
  styles.length ? build({ ...common, entryPoints: styles, bundle: true, external: ['*.woff2'] }) : null,
]).catch(() => process.exit(1));
