import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { attempt } from '../shared/attempt';
import type { RequestBuild, VersionBehaviour } from '../shared/operation';
import { InvalidFieldError } from '../shared/refusal';
import { MAX_JSON_DEPTH } from '../shared/typedJson';
import { hasLoneSurrogate } from '../shared/values';
import { NodeRun } from './nodeRun';
import { checkRunOptions } from './runOptions';

/**
 * The preSend every operation runs: n8n calls it for each item while it prepares the run, before
 * any request leaves. It builds the item's request from the operation's fields and records in the
 * NodeRun whether the item may be sent, instead of throwing: the runner then decides for the
 * whole run (nothing is sent when any item is refused, unless Continue On Fail) and pairs every
 * error item with its input item. It stays synchronous, so that every item is recorded before
 * the first runner starts.
 */

/**
 * What no request may carry, whatever built it (JSON given as is, e.g. product tags): characters
 * that cannot be encoded and nesting that overflows the stack. Walks the query and body once.
 */
function checkOutgoing(options: IHttpRequestOptions): void {
	if (hasLoneSurrogate(options.url ?? '')) {
		throw new InvalidFieldError('The request path contains a broken character (a lone UTF-16 surrogate)');
	}
	for (const [where, root] of [['query parameter', options.qs], ['body field', options.body]] as const) {
		if (!root || typeof root !== 'object') continue;
		for (const [key, value] of Object.entries(root as IDataObject)) {
			const stack: Array<[unknown, number]> = [[value, 1]];
			while (stack.length > 0) {
				const [current, depth] = stack.pop()!;
				if (typeof current === 'string' && hasLoneSurrogate(current)) {
					throw new InvalidFieldError(`The ${where} "${key}" contains a broken character (a lone UTF-16 surrogate); remove it or fix the text's encoding`);
				}
				if (current && typeof current === 'object') {
					if (depth > MAX_JSON_DEPTH) throw new InvalidFieldError(`The ${where} "${key}" is nested more than ${MAX_JSON_DEPTH} levels deep`);
					for (const child of Object.values(current as IDataObject)) stack.push([child, depth + 1]);
				}
			}
		}
	}
}

/** The write's Operation ID, when it carries one (SocialHub's idempotency key). */
export function operationIdOf(options: { method?: string; body?: unknown }): string | undefined {
	if ((options.method ?? 'GET') === 'GET') return undefined;
	const body = options.body as IDataObject | undefined;
	const raw = body && typeof body === 'object' && !Array.isArray(body) ? body.operationId : undefined;
	return raw === undefined || raw === null || raw === '' ? undefined : String(raw);
}

/** A second item of the run with an Operation ID already given to an earlier one. */
function sameOperationId(run: NodeRun, item: number, options: IHttpRequestOptions): void {
	const operationId = operationIdOf(options);
	if (operationId === undefined) return;
	const first = run.operationIds.get(operationId);
	if (first === undefined) {
		run.operationIds.set(operationId, item);
		return;
	}
	throw new InvalidFieldError(
		`Operation ID "${operationId}" of item ${item} was already used by item ${first} in this run: SocialHub applies each Operation ID once and answers a repeat as if it had succeeded, so item ${item} would silently not be applied. Give every adjustment its own Operation ID (e.g. from a unique column of the input)`,
	);
}

/** The operation's preSend, around its request build. */
export function preparedRequest(build: RequestBuild, behaviour: VersionBehaviour): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const run = NodeRun.of(this);
		const item = this.getItemIndex();
		run.preparing(item);
		const built = attempt(() => {
			build(this, options);
			checkRunOptions(this, options, behaviour);
			checkOutgoing(options);
			sameOperationId(run, item, options);
		});
		if ('failed' in built) {
			const error = built.failed instanceof Error ? built.failed : new Error(String(built.failed));
			run.refuse(item, { error, field: error instanceof InvalidFieldError });
		}
		return options;
	};
}
