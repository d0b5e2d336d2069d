/**
 * Runs workflows through n8n's real engine (n8n-core's WorkflowExecute and RoutingNode),
 * in-process, with a credentials helper that does what n8n's server does: fill defaults, run
 * `preAuthentication` when the expirable token is empty or after a 401, persist its output,
 * and apply `authenticate`. The tests, the demo and the benchmark share it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'socialhub-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';

import {
	CredentialTestContext,
	DirectoryLoader,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ICredentialTestFunction,
	ICredentialTestFunctions,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

export const NODE_TYPE = 'n8n-nodes-socialhub.socialHub';
export const CREDENTIAL_TYPE = 'socialHubApi';
export const CREDENTIAL_REF = { id: 'cred-1', name: 'SocialHub account' };

/** Stands in for n8n-nodes-base's Manual Trigger: its items come from pinned data. */
class StartNode implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute() {
		return [[{ json: {} }]];
	}
}

class CredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();
	reads = 0;
	writes = 0;

	constructor(private readonly type: ICredentialType) {
		super();
	}

	private expirable(): INodeProperties | undefined {
		return this.type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
	}

	withDefaults(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const filled: ICredentialDataDecryptedObject = {};
		for (const property of this.type.properties) filled[property.name] = property.default as never;
		return { ...filled, ...data };
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		node: INode,
		credentialsExpired: boolean,
	) {
		const expirable = this.expirable();
		if (!expirable || typeof this.type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await this.type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[this.type.name];
		if (details?.id) {
			this.reads++;
			this.writes++;
			this.store.set(details.id, { ...this.store.get(details.id), ...(output as ICredentialDataDecryptedObject) });
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return ((await this.type.preAuthentication?.call(helpers, credentials)) ?? undefined) as
			| ICredentialDataDecryptedObject
			| undefined;
	}

	async getCredentials(details: INodeCredentialsDetails): Promise<ICredentials> {
		const data = this.store.get(details.id ?? '') ?? {};
		return { id: details.id, name: details.name, type: this.type.name, getData: () => data } as unknown as ICredentials;
	}

	async getDecrypted(_additionalData: unknown, details: INodeCredentialsDetails) {
		this.reads++;
		const data = this.store.get(details.id ?? '') ?? this.store.get(details.name);
		if (!data) throw new Error(`Credential ${details.id ?? ''} does not exist`);
		return this.withDefaults(structuredClone(data));
	}

	async updateCredentials(details: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject) {
		this.writes++;
		this.store.set(details.id ?? '', data);
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return this.type.properties;
	}
}

export interface NodeSettings {
	/** The node's typeVersion; the node's default version (what a new node gets) when omitted. */
	typeVersion?: number;
	continueOnFail?: boolean;
	/** On Error → Continue (using error output): failed items go to the node's second output. */
	errorOutput?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunResult {
	/** The SocialHub node's output items (error items included with continueOnFail). */
	items: INodeExecutionData[];
	/** The node's error output (with `errorOutput`). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: { message: string; description?: string | null; [key: string]: unknown };
	run: IRun;
	/** The node's execution time as n8n measured it. */
	executionTime: number;
}

export class SocialHubEngine {
	readonly nodeType: INodeType | IVersionedNodeType;
	readonly credentialType: ICredentialType;
	readonly credentials: CredentialsHelper;
	/** The typeVersion runs use when their settings name none (default: what a new node gets). */
	typeVersion?: number;
	private readonly nodeTypes: INodeTypes;
	private readonly types: Record<string, INodeType | IVersionedNodeType> = {};

	constructor(
		NodeClass: new () => INodeType | IVersionedNodeType,
		CredentialClass: new () => ICredentialType,
	) {
		this.nodeType = new NodeClass();
		// n8n's loader adds "Request Options" (batching, timeout, proxy) to declarative nodes,
		// to each version of a versioned one.
		const versions =
			'nodeVersions' in this.nodeType ? Object.values(this.nodeType.nodeVersions) : [this.nodeType];
		for (const version of versions) DirectoryLoader.applyDeclarativeNodeOptionParameters(version);
		this.credentialType = new CredentialClass();
		this.credentials = new CredentialsHelper(this.credentialType);
		const types = this.types;
		types[NODE_TYPE] = this.nodeType;
		types['n8n-nodes-base.manualTrigger'] = new StartNode();
		this.nodeTypes = {
			getByName: (name: string) => types[name],
			getByNameAndVersion: (name: string, version?: number) =>
				NodeHelpers.getVersionedNodeType(types[name], version),
			getKnownTypes: () => ({}),
		} as INodeTypes;
	}

	/** Makes another node type available to `runWorkflow` (e.g. a stand-in for n8n's HTTP Request node). */
	registerNodeType(name: string, type: INodeType) {
		this.types[name] = type;
	}

	/** The version n8n gives a node added today. */
	defaultVersion(): number {
		const type = this.nodeType;
		if ('nodeVersions' in type) return type.description.defaultVersion ?? type.currentVersion;
		return Array.isArray(type.description.version)
			? Math.max(...type.description.version)
			: type.description.version;
	}

	/** Saves the credential's data, as creating it in n8n's UI does (the token starts empty). */
	setCredential(data: ICredentialDataDecryptedObject, id = CREDENTIAL_REF.id) {
		this.credentials.store.set(id, { accessToken: '', ...data });
	}

	storedCredential(id = CREDENTIAL_REF.id) {
		return this.credentials.store.get(id);
	}

	private additionalData(workflowData: IWorkflowBase): IWorkflowExecuteAdditionalData {
		const executionId = randomUUID();
		return {
			credentialsHelper: this.credentials,
			hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
			executionId,
			executeWorkflow: async () => {
				throw new Error('not supported here');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			variables: {},
			logAiEvent: () => {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** Runs Manual Trigger → SocialHub with `items` as the trigger's output. */
	async run(
		parameters: IDataObject,
		items: IDataObject[] = [{}],
		settings: NodeSettings = {},
		timezone = 'UTC',
	): Promise<RunResult> {
		const socialHub: INode = {
			id: 'socialhub-node',
			name: 'SocialHub',
			type: NODE_TYPE,
			typeVersion: settings.typeVersion ?? this.typeVersion ?? this.defaultVersion(),
			position: [200, 0],
			parameters: parameters as INode['parameters'],
			credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
			...(settings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(settings.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
			...(settings.retryOnFail
				? { retryOnFail: true, maxTries: settings.maxTries ?? 3, waitBetweenTries: settings.waitBetweenTries ?? 0 }
				: {}),
		};
		const trigger: INode = {
			id: 'trigger-node',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const connections = { Start: { main: [[{ node: 'SocialHub', type: 'main' as const, index: 0 }]] } };
		const run = await this.runWorkflow({ nodes: [trigger, socialHub], connections }, { Start: items }, timezone);
		const task = run.data.resultData.runData.SocialHub?.[0];
		const error = (run.data.resultData.error ?? task?.error) as RunResult['error'];
		return {
			items: task?.data?.main?.[0] ?? [],
			errorItems: task?.data?.main?.[1] ?? [],
			error,
			run,
			executionTime: task?.executionTime ?? 0,
		};
	}

	/**
	 * Runs a whole workflow (as n8n stores it) from its Manual Trigger, whose output is the
	 * pinned `triggerItems`. Nodes reference the credential by id or by name.
	 */
	async runWorkflow(
		data: Pick<IWorkflowBase, 'nodes' | 'connections'>,
		triggerItems: Record<string, IDataObject[]> = {},
		timezone = 'UTC',
	): Promise<IRun> {
		const workflowData = {
			id: 'wf-1',
			name: 'SocialHub workflow',
			active: false,
			isArchived: false,
			nodes: data.nodes,
			connections: data.connections,
			settings: { timezone },
			createdAt: new Date(),
			updatedAt: new Date(),
		} as unknown as IWorkflowBase;
		const workflow = new Workflow({
			id: 'wf-1',
			nodes: data.nodes,
			connections: data.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: { timezone },
		});
		const trigger = data.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error('The workflow needs a Manual Trigger to start from');
		const pinData = Object.fromEntries(
			Object.entries(triggerItems).map(([name, items]) => [name, items.map((json) => ({ json }))]),
		);
		if (!pinData[trigger.name]) pinData[trigger.name] = [{ json: {} }];
		const execution = new WorkflowExecute(this.additionalData(workflowData), 'manual');
		// n8n-core 1.x takes run()'s arguments one by one; 2.x takes one options object.
		if (execution.run.length > 1) {
			const runV1 = execution.run as unknown as (...args: unknown[]) => Promise<IRun>;
			return await runV1.call(execution, workflow, trigger, undefined, pinData);
		}
		return await execution.run({ workflow, startNode: trigger, pinData });
	}

	/**
	 * Runs one of the node's list-search methods (a resource locator's "From List") the way
	 * n8n's editor asks for it, with the saved credential.
	 */
	async listSearch(method: string, filter?: string, typeVersion = this.defaultVersion()) {
		const node: INode = {
			id: 'socialhub-node',
			name: 'SocialHub',
			type: NODE_TYPE,
			typeVersion,
			position: [0, 0],
			parameters: {},
			credentials: { [CREDENTIAL_TYPE]: CREDENTIAL_REF },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: this.nodeTypes });
		const context = new LoadOptionsContext(workflow, node, this.additionalData({} as IWorkflowBase), '');
		const nodeType = NodeHelpers.getVersionedNodeType(this.nodeType, typeVersion) as INodeType;
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`The node has no list search "${method}" in version ${typeVersion}`);
		return await search.call(context, filter);
	}

	/**
	 * Tests a credential the way n8n's server does (CredentialsTester): the credential has no
	 * request test of its own, so the node that names it with `testedBy` runs its test function
	 * in a CredentialTestContext, with the data as given (defaults filled in).
	 */
	async testCredential(data: ICredentialDataDecryptedObject): Promise<{ status: string; message: string }> {
		if (this.credentialType.test) throw new Error('The harness tests only node-tested credentials (testedBy)');
		const versions = 'nodeVersions' in this.nodeType ? Object.values(this.nodeType.nodeVersions) : [this.nodeType];
		let test: ICredentialTestFunction | undefined;
		for (const version of versions) {
			const entry = version.description.credentials?.find((c) => c.name === CREDENTIAL_TYPE);
			const name = typeof entry?.testedBy === 'string' ? entry.testedBy : undefined;
			test ??= name ? version.methods?.credentialTest?.[name] : undefined;
		}
		if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };
		const credentialsDecrypted = {
			id: CREDENTIAL_REF.id,
			name: CREDENTIAL_REF.name,
			type: CREDENTIAL_TYPE,
			data: this.credentials.withDefaults(data),
		};
		this.credentials.store.set(CREDENTIAL_REF.id, credentialsDecrypted.data);
		const context = new CredentialTestContext(this.additionalData({} as IWorkflowBase));
		return await test.call(context as unknown as ICredentialTestFunctions, credentialsDecrypted);
	}
}
