import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	NodeApiError,
} from 'n8n-workflow';

import { attempt, attemptAsync } from '../shared/attempt';
import type { OperationInfo, VersionBehaviour } from '../shared/operation';
import { CREDENTIAL_TYPE } from './constants';
import { deliver, type Delivered, type Sending } from './delivery';
import { apiError, type Failure } from './errors';
import { gateFor } from './flowControl';
import { Places } from './places';
import { NodeRun } from './nodeRun';
import { claimOperationId, markOutcomeUnknown, releaseOperationId, requestKey } from './operationIds';
import { pagingTarget, readPages } from './paging';
import { operationIdOf } from './prepare';
import { inRunOf, refusedRun } from './runSummary';
import { keysOf } from './baseUrl';
import { limitOf, maxConcurrentOf, retrySettingsOf } from './runOptions';

/**
 * Every request of the node runs through here: n8n's declarative engine hands each item's whole
 * request to `requestOperations.pagination` when `paginate` is set (the node sets it for all
 * operations). Per item, in the run it belongs to (NodeRun):
 * 1. the run as a whole: when any item was refused while it was prepared, nothing is sent
 *    (without Continue On Fail) and the error names the refused items;
 * 2. an item settled in an earlier try of this node run (n8n's Retry On Fail) is not sent again;
 * 3. the request goes through the tenant's flow control with its retries (delivery.ts), pages are
 *    walked (paging.ts), SocialHub's envelope becomes the output (outputs.ts), paired;
 * 4. a final failure without Continue On Fail stops the run's unsent items and, once the run has
 *    settled, says what else happened in it (runSummary.ts).
 */
export function createOperationRunner(operations: Record<string, OperationInfo>, behaviour: VersionBehaviour) {
	return async function runOperationPaired(
		this: IExecutePaginationFunctions,
		requestData: Sending['requestData'],
	): Promise<INodeExecutionData[]> {
		const item = this.getItemIndex();
		const outcome = await attemptAsync(async () => await runItem(this, requestData, operations, behaviour));
		if (!('failed' in outcome)) return outcome.value;
		// n8n's own error item carries no pairedItem (and with Return All the counts differ, so n8n
		// cannot pair it either): the node returns it paired itself, for both outputs.
		if (!this.continueOnFail()) throw outcome.failed;
		const error = outcome.failed as NodeApiError;
		// V8 formats a stack on first read; read from an expression of a later node (in n8n's
		// expression sandbox) it throws "illegal access" instead, and `$('SocialHub').item` is null.
		void error.stack;
		return [{ json: { error: error.message }, error, pairedItem: { item } }];
	};
}

async function secretsOf(run: NodeRun, requestData: Sending['requestData']): Promise<unknown[]> {
	const credentials = await attemptAsync(async () => await run.credentials!);
	const stored = 'failed' in credentials ? {} : credentials.value;
	return [requestData.options.headers?.Authorization, stored.appSecret, stored.accessToken];
}

async function runItem(
	context: IExecutePaginationFunctions,
	requestData: Sending['requestData'],
	operations: Record<string, OperationInfo>,
	behaviour: VersionBehaviour,
): Promise<INodeExecutionData[]> {
	const run = NodeRun.of(context);
	const item = context.getItemIndex();
	// Resource and operation take no expressions, so the raw parameters are their values.
	const { resource, operation } = context.getNode().parameters;
	const info = operations[`${String(resource)}.${String(operation)}`] ?? { label: String(operation), readOnly: false };
	const { label } = info;
	run.credentials ??= context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const fail = async (failure: Failure) => apiError(context.getNode(), failure, item, await secretsOf(run, requestData));

	// 1. The run as a whole.
	const problem = run.problems.get(item);
	if (!run.continueOnFail) {
		if (!run.batched && !run.complete) return settleUnsent(run, item);
		if (run.problems.size > 0) {
			if (!problem) return settleUnsent(run, item);
			run.settle(item, true);
			if (!problem.field) throw problem.error;
			if (run.batched) await run.allSettled();
			throw await fail(refusedRun(run, label));
		}
	} else if (problem) {
		run.settle(item, true);
		if (!problem.field) throw problem.error;
		throw await fail({ message: `${label}: ${problem.error.message}`, description: 'Nothing was sent to SocialHub for this item. Correct the field and run the node again.' });
	}

	// 2. Settled in an earlier try of this node run.
	const writes = info.readOnly ? 'read' : operationIdOf(requestData.options) !== undefined ? 'operationId' : 'plain';
	const earlier = run.outcomes.get(item);
	if (earlier) {
		run.settle(item);
		if (earlier.applied) return earlier.items;
		if (!run.continueOnFail) {
			run.stopped = true;
			await run.allSettled();
		}
		throw earlier.error;
	}
	if (!run.continueOnFail && run.stopped) return settleUnsent(run, item);

	// 3. Send (an Operation ID another node or run holds is a final refusal, like SocialHub's).
	const operationId = operationIdOf(requestData.options);
	const conflict = claimOperationId(context, operationId, requestKey(requestData.options));
	const credentials = await run.credentials;
	const keys = attempt(() => keysOf(credentials));
	if ('failed' in keys) {
		// The credential's Base URL is refused: nothing can be sent for any item.
		run.settle(item, true);
		throw await fail({ message: `${label} failed: ${(keys.failed as Error).message}`, description: 'Nothing was sent to SocialHub. Correct the credential and run the node again.' });
	}
	const { baseUrl } = keys.value;
	const limit = maxConcurrentOf(context);
	if (limit !== undefined) run.ownPlaces ??= new Places(() => limit);
	const gate = gateFor(`${baseUrl}\u0000${String(credentials.appId)}`);
	run.watch(gate);
	const sending: Sending = {
		context,
		run,
		gate,
		requestData,
		credentials,
		label,
		nature: { operationId, readOnly: info.readOnly },
		retry: retrySettingsOf(context.getNode()),
	};
	const result = conflict
		? { delivered: { ok: false as const, kind: 'refused' as const, failure: { message: `${label}: ${conflict.message}`, description: conflict.description } } }
		: await send(context, sending, behaviour);

	// 4. Settle.
	if ('items' in result) {
		run.outcomes.set(item, { applied: true, items: result.items, operationId });
		run.settle(item);
		return result.items;
	}
	const { delivered } = result;
	// A claim conflict holds no claim of this item's to settle.
	if (!conflict && delivered.kind === 'unknown') markOutcomeUnknown(context, operationId);
	else if (!conflict) releaseOperationId(context, operationId);
	if (delivered.stopped) return settleUnsent(run, item);
	if (!run.continueOnFail) run.stopped = true;
	const error = await fail(delivered.failure);
	run.outcomes.set(item, { applied: false, error, kind: delivered.kind, operationId });
	run.settle(item);
	if (run.continueOnFail) throw error;
	await run.allSettled();
	const told = inRunOf({ message: error.message, description: error.description ?? '' }, run, item, writes);
	error.message = told.message;
	error.description = told.description;
	throw error;
}

function settleUnsent(run: NodeRun, item: number): INodeExecutionData[] {
	run.settle(item, true);
	return [];
}

/** The item's request (or its list's pages), delivered: its output items, or the final failure. */
async function send(
	context: IExecutePaginationFunctions,
	sending: Sending,
	behaviour: VersionBehaviour,
): Promise<{ items: INodeExecutionData[] } | { delivered: Extract<Delivered, { ok: false }> }> {
	const pairedItem = { item: context.getItemIndex() };
	const { options } = sending.requestData;
	const paging = pagingTarget(options);
	const listOperation = paging.pageSize !== undefined;
	if (!listOperation || !behaviour.rowsFromLists(context)) {
		const delivered = await deliver(sending);
		if (!delivered.ok) return { delivered };
		return { items: behaviour.output(delivered.body).map((json) => ({ json, pairedItem })) };
	}
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : limitOf(context);
	const firstPage = returnAll ? 1 : Number(paging.pageNo) || 1;
	const pages = await readPages(paging, async () => await deliver(sending), sending.label, { limit, firstPage, returnAll });
	if ('failed' in pages) return { delivered: pages.failed };
	return { items: pages.rows.map((json: IDataObject) => ({ json, pairedItem })) };
}
