/**
 * An execution as n8n stored it, read through the REST API the editor uses: for runs whose output
 * is too large for `n8n execute` to print (see ExecuteOptions.quiet).
 */
import { join } from 'node:path';

import type { ExecutionOutput } from './expectations';
import type { N8nLine, N8nRest } from './n8n';

/** n8n stores an execution's data in flatted's format; each line reads it with its own copy. */
const flattedOf = (line: N8nLine) =>
	require(join(__dirname, line.folder, 'node_modules/flatted/cjs/index.js')) as { parse: (text: string) => unknown };

/** The newest execution of a workflow, with its data; throws when there is none. */
export async function latestExecution(rest: N8nRest, workflowId: string, line: N8nLine): Promise<ExecutionOutput> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await rest.call<{ results?: Array<{ id: string }> }>('GET', `/rest/executions?filter=${filter}&limit=1`);
	const id = list.data.results?.[0]?.id;
	if (!id) throw new Error(`n8n stored no execution of workflow ${workflowId} (HTTP ${list.status})`);
	const execution = await rest.call<{ status?: string; data?: string }>('GET', `/rest/executions/${id}`);
	const { status, data } = execution.data;
	return { status, data: typeof data === 'string' ? (flattedOf(line).parse(data) as ExecutionOutput['data']) : data };
}
