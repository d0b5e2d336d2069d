/**
 * Writes the vendor-compatibility workflows the real-n8n e2e runs (e2e/workflows/vendor-*.json)
 * from the cases of test/fixtures/vendorWorkflows.ts; test/compatibility.test.ts checks they are current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SaveStyle } from '../test/support/vendorWorkflows';
import { vendorExpectation, vendorWorkflow } from '../test/support/vendorWorkflows';

const folder = join(__dirname, '..', 'e2e', 'workflows');
for (const style of ['stored-in-full', 'saved-by-editor'] as SaveStyle[]) {
	writeFileSync(join(folder, `vendor-${style}.json`), `${JSON.stringify(vendorWorkflow(style), null, '\t')}\n`);
	writeFileSync(join(folder, `vendor-${style}.expect.json`), `${JSON.stringify(vendorExpectation(style), null, '\t')}\n`);
	console.log(`wrote e2e/workflows/vendor-${style}.json and its expectation`);
}
