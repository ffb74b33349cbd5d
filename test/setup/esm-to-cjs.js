// Jest (on Node < 24.9) cannot require() ES modules, and NestJS 12 ships as ESM only. This
// transform compiles those node_modules files to CommonJS with TypeScript's transpileModule.
// Jest caches the result by content, so only the first run pays for it. The built app needs
// none of this: Node 20.19+ loads ESM from CommonJS natively.
const { createHash } = require('node:crypto');
const ts = require('typescript');

const ESM = /^\s*(import|export)\s|^\s*export\s*\{|\bimport\(/m;

module.exports = {
  process(source, filename) {
    if (!ESM.test(source)) return { code: source };
    const cjsSource = source
      // `const require = createRequire(import.meta.url)`: CommonJS already has a require.
      .replace(/(const|let|var)\s+require\s*=\s*createRequire\(import\.meta\.url\);?/g, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.filename/g, '__filename');
    const out = ts.transpileModule(cjsSource, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        allowJs: true,
        esModuleInterop: true,
        sourceMap: false,
      },
    });
    return { code: out.outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update('esm-to-cjs-v4').update(filename).update(source).digest('hex');
  },
};
