import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { VersionBehaviour } from '../shared/operation';
import { convertField } from '../shared/values';
import { MAX_PAGES, pagingTarget } from './paging';

/**
 * The node's settings that steer the run rather than one request: Limit (lists) and Options >
 * Max Concurrent Requests, checked while each item is prepared so that a bad value refuses the
 * run before anything is sent and read as numbers by the runner; and n8n's Retry On Fail.
 */

const LIMIT_RULE = { label: 'Limit', kind: 'integer' as const, min: 1, max: MAX_PAGES * 100 };
const MAX_CONCURRENT_RULE = { label: 'Max Concurrent Requests', kind: 'integer' as const, min: 1, max: 512 };

const isList = (options: IHttpRequestOptions) => pagingTarget(options).pageSize !== undefined;

/** Throws InvalidFieldError for a Limit or Max Concurrent Requests that is not a whole number in range. */
export function checkRunOptions(context: IExecuteSingleFunctions, options: IHttpRequestOptions, behaviour: VersionBehaviour): void {
	if (isList(options) && !(context.getNodeParameter('returnAll', false) as boolean) && behaviour.rowsFromLists(context)) {
		convertField(context.getNodeParameter('limit', 50), LIMIT_RULE, 'UTC');
	}
	const cap = context.getNodeParameter('options.maxConcurrentRequests', null) as unknown;
	if (cap !== undefined && cap !== null && cap !== '') convertField(cap, MAX_CONCURRENT_RULE, 'UTC');
}

/** Limit as checked by checkRunOptions. */
export function limitOf(context: IExecuteSingleFunctions): number {
	return Number(context.getNodeParameter('limit', 50));
}

/** Options > Max Concurrent Requests as checked by checkRunOptions; undefined when not set. */
export function maxConcurrentOf(context: IExecuteSingleFunctions): number | undefined {
	const cap = context.getNodeParameter('options.maxConcurrentRequests', null) as unknown;
	return cap === undefined || cap === null || cap === '' ? undefined : Number(cap);
}

/** The node's Retry On Fail settings, bounded as n8n bounds them (2–5 tries, 0–5,000 ms apart). */
export interface RetrySettings {
	on: boolean;
	maxTries: number;
	waitMs: number;
}

export function retrySettingsOf(node: { retryOnFail?: boolean; maxTries?: number; waitBetweenTries?: number }): RetrySettings {
	return {
		on: node.retryOnFail === true,
		maxTries: Math.min(5, Math.max(2, Number(node.maxTries) || 3)),
		waitMs: Math.min(5000, Math.max(0, Number(node.waitBetweenTries ?? 1000) || 0)),
	};
}
