// Deep-merges catalogue fragments into web/src/i18n/{zh-CN,en}.json.
// Usage: node scripts/i18n-merge.mjs <fragment.zh-CN.json> <fragment.en.json>
// A fragment is a JSON object shaped like a catalogue; its keys are added or replaced.
import { readFileSync, writeFileSync } from 'node:fs';

const [zhFragment, enFragment] = process.argv.slice(2);
if (!zhFragment || !enFragment) {
  console.error('usage: node scripts/i18n-merge.mjs <fragment.zh-CN.json> <fragment.en.json>');
  process.exit(2);
}

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') {
      merge(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}

for (const [fragment, catalogue] of [
  [zhFragment, 'web/src/i18n/zh-CN.json'],
  [enFragment, 'web/src/i18n/en.json'],
]) {
  const path = new URL(`../${catalogue}`, import.meta.url);
  const merged = merge(JSON.parse(readFileSync(path, 'utf8')), JSON.parse(readFileSync(fragment, 'utf8')));
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`merged ${fragment} into ${catalogue}`);
}
