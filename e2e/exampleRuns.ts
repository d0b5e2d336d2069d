/**
 * How the examples run in a real n8n, the ways a user runs them: saved as pasting the file into
 * the editor saves it (pinned data included), run from their trigger as the editor's *Execute
 * workflow* button does (REST, the trigger's pinned data or, for a Schedule Trigger, one tick),
 * and published, their webhooks then called as a shop would call them.
 */
import { join } from 'node:path';

import { waitUntil } from './cluster';
import type { ExecutionOutput, WorkflowJson } from './expectations';
import type { N8nLine, N8nRest } from './n8n';

export interface SavedWorkflow {
	id: string;
	versionId: string;
}

/** n8n stores an execution's data in flatted's format; each line reads it with its own copy. */
const flattedOf = (line: N8nLine) =>
	require(join(__dirname, line.folder, 'node_modules/flatted/cjs/index.js')) as { parse: (text: string) => unknown };

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** Saves `workflow` through the REST API as the editor does on paste + save. */
export async function saveWorkflow(rest: N8nRest, line: N8nLine, workflow: WorkflowJson): Promise<SavedWorkflow> {
	const { name, nodes, connections, settings, pinData } = workflow;
	const body = { name, nodes, connections, settings, pinData, ...(line.quirks.workflowNeedsActive ? { active: false } : {}) };
	const saved = await rest.call<SavedWorkflow>('POST', '/rest/workflows', body);
	if (saved.status !== 200) throw new Error(`n8n refused to save "${name}": HTTP ${saved.status} ${JSON.stringify(saved.data).slice(0, 300)}`);
	return saved.data;
}

/** One execution with its data, once it has finished. */
export async function finishedExecution(rest: N8nRest, line: N8nLine, id: string, timeoutMs = 60_000): Promise<ExecutionOutput> {
	let execution: { status?: string; data?: unknown } = {};
	await waitUntil(`execution ${id} finished`, async () => {
		execution = (await rest.call<{ status?: string; data?: unknown }>('GET', `/rest/executions/${id}`)).data;
		return FINISHED.includes(String(execution.status));
	}, timeoutMs);
	const { status, data } = execution;
	return { status, data: (typeof data === 'string' ? flattedOf(line).parse(data) : data) as ExecutionOutput['data'] };
}

/**
 * Runs a saved workflow from its trigger `trigger` as the editor's *Execute workflow* does: with the
 * trigger's pinned data if it has some, else the trigger itself runs once (a Schedule Trigger ticks).
 * n8n 2.x takes the trigger alone; 1.x wants the whole workflow in the body as well.
 */
export async function runFromTrigger(rest: N8nRest, line: N8nLine, workflowId: string, trigger: string): Promise<ExecutionOutput> {
	const triggerToStartFrom = { name: trigger };
	let body: Record<string, unknown> = { triggerToStartFrom };
	if (line.quirks.workflowNeedsActive) {
		const workflowData = (await rest.call<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`)).data;
		body = { workflowData, triggerToStartFrom };
	}
	const started = await rest.call<{ executionId?: string }>('POST', `/rest/workflows/${workflowId}/run`, body);
	const executionId = started.data.executionId;
	if (!executionId) throw new Error(`n8n did not start "${trigger}": HTTP ${started.status} ${JSON.stringify(started.data).slice(0, 300)}`);
	return await finishedExecution(rest, line, executionId);
}

/** Whether n8n serves a POST webhook at `url`: for a GET it then says so instead of "not registered". */
export const servesPostWebhook = (url: string) => async () => {
	const answer = await fetch(url);
	return answer.status !== 404 || /not registered for GET/i.test(await answer.text());
};

/**
 * Publishes a saved workflow (the editor's Publish button; Active in 1.x) and waits until `served`
 * says its trigger is reachable: n8n answers before it has registered the trigger's webhooks.
 */
export async function publish(rest: N8nRest, saved: SavedWorkflow, served: () => Promise<boolean>): Promise<void> {
	const published = await rest.call('POST', `/rest/workflows/${saved.id}/activate`, { versionId: saved.versionId });
	if (published.status !== 200) throw new Error(`n8n did not publish workflow ${saved.id}: HTTP ${published.status} ${JSON.stringify(published.data).slice(0, 300)}`);
	await waitUntil(`workflow ${saved.id}'s trigger registered`, served, 30_000);
}

/** The ids of a workflow's finished executions, newest first, once there are at least `count`. */
export async function finishedExecutionIds(rest: N8nRest, workflowId: string, count: number): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	let ids: string[] = [];
	await waitUntil(`${count} finished executions of workflow ${workflowId}`, async () => {
		type Listed = { results?: Array<{ id: string; status?: string }> };
		const listed = await rest.call<Listed>('GET', `/rest/executions?filter=${filter}&limit=50`);
		const results = listed.data.results ?? [];
		ids = results.filter((row) => FINISHED.includes(String(row.status))).map((row) => row.id);
		return ids.length >= count && ids.length === results.length;
	}, 60_000);
	return ids;
}
