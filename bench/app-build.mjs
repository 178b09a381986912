// Prints what a published app was built as, read from its runtimeconfig (never a constant): its target framework and
// whether it is framework-dependent or self-contained, e.g. "net10.0, framework-dependent" (issue 25).
// usage: node bench/app-build.mjs PATH/MeetingRoom.Web.runtimeconfig.json   (prints "unknown" and exits 1 when unreadable)
import fs from 'node:fs';

try {
  const options = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).runtimeOptions;
  // A self-contained app lists the frameworks it carries (includedFrameworks); a framework-dependent one names those it needs.
  const deployment = Array.isArray(options.includedFrameworks) ? 'self-contained' : 'framework-dependent';
  console.log(`${options.tfm}, ${deployment}`);
} catch {
  console.log('unknown');
  process.exit(1);
}
