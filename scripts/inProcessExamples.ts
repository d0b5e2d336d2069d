/**
 * The examples/ templates in n8n's engine in-process, for `npm run demo` and test/examples.test.ts.
 * The harness (harness/engine.ts) knows only the Manual Trigger and SocialHub; n8n's own nodes of
 * the templates are stood in: the trigger (Webhook, Schedule) by a Manual Trigger that outputs the
 * trigger's pinned items, a Code node by its code run as plain JavaScript (the templates' stand-in
 * lists only return items), Filter and No Op by nodes that pass every item on (the sample items pass
 * the Filter; n8n's own Filter runs in the e2e), sticky notes left out. The SocialHub nodes, their
 * expressions and their outputs are n8n's and this package's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeType, IRun } from 'n8n-workflow';

import type { SocialHubEngine } from '../harness/engine';

export interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: { timezone?: string };
	pinData?: Record<string, Array<{ json: IDataObject }>>;
}

export const EXAMPLES_DIR = join(__dirname, '..', 'examples');
export const readExample = (file: string) => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;

const TRIGGERS = ['n8n-nodes-base.webhook', 'n8n-nodes-base.scheduleTrigger'];
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const LEFT_OUT = ['n8n-nodes-base.stickyNote'];

const standIn = (name: string, execute: INodeType['execute'], properties: unknown[] = []): INodeType => ({
	description: {
		displayName: name,
		name,
		group: ['transform'],
		version: [1, 2, 2.2],
		description: 'A stand-in for n8n’s node of this name',
		defaults: { name },
		inputs: ['main'],
		outputs: ['main'],
		properties,
	} as unknown as INodeType['description'],
	execute,
});

function passOn(this: IExecuteFunctions) {
	return Promise.resolve([this.getInputData()]);
}

/** The one parameter of n8n's Code node the stand-in reads (the engine keeps only declared ones). */
const JS_CODE = { displayName: 'JavaScript', name: 'jsCode', type: 'string', default: 'return [];' };

function runCode(this: IExecuteFunctions) {
	// The templates' Code nodes are stand-ins for a member source: a fixed `return [...]`.
	const code = String(this.getNodeParameter('jsCode', 0));
	return Promise.resolve([new Function(code)() as INodeExecutionData[]]);
}

/** Makes n8n's nodes the templates use runnable in `engine` (see above). */
export function registerStandIns(engine: SocialHubEngine): void {
	engine.registerNodeType('n8n-nodes-base.filter', standIn('filter', passOn));
	engine.registerNodeType('n8n-nodes-base.noOp', standIn('noOp', passOn));
	engine.registerNodeType('n8n-nodes-base.code', standIn('code', runCode, [JS_CODE]));
}

/**
 * Runs a template from its trigger: with the trigger's pinned items (or `items` instead, e.g. another
 * order); a trigger without pinned items (a Schedule Trigger) outputs one empty item.
 */
export async function runExample(engine: SocialHubEngine, example: ExampleWorkflow, items?: IDataObject[]): Promise<IRun> {
	registerStandIns(engine);
	const nodes = example.nodes
		.filter((node) => !LEFT_OUT.includes(node.type))
		.map((node) => (TRIGGERS.includes(node.type) ? { ...node, type: MANUAL_TRIGGER, parameters: {} } : node));
	const trigger = nodes.find((node) => node.type === MANUAL_TRIGGER);
	if (!trigger) throw new Error(`${example.name} has no Webhook or Schedule Trigger to start from`);
	const pinned = items ?? example.pinData?.[trigger.name]?.map((item) => item.json) ?? [{}];
	return await engine.runWorkflow({ nodes, connections: example.connections }, { [trigger.name]: pinned }, example.settings?.timezone);
}

/** A node's items on one of its outputs (0: the regular one, 1: the error output). */
export function outputOf(run: IRun, node: string, output = 0): IDataObject[] {
	return (run.data.resultData.runData[node]?.[0]?.data?.main?.[output] ?? []).map((item) => item.json);
}
