import type { IExecutePaginationFunctions } from 'n8n-workflow';

import { ProcessCache } from '../shared/processState';

/**
 * SocialHub applies an Operation ID once and answers a repeat as if it succeeded, so a second
 * adjustment with an ID already applied in this execution would silently not be applied. The
 * runner claims each write's Operation ID for its item before sending; another node, or another
 * run of this node (a loop, a second branch), asking for it while it is claimed is refused. The
 * same item of the same node run asking again (Retry On Fail) is allowed. A claim is released
 * when SocialHub did not apply the request (throttled, refused, never sent), so that a retry of
 * it (e.g. from the node's error output) may go; an applied one stays. One that may have been
 * applied (its answer was lost) stays for any other adjustment, but the very same request may be
 * sent again — that is what its error advises, and SocialHub applies it at most once.
 * (Two items of one run with the same ID are refused before anything is sent: prepare.ts.)
 * Memory is bounded: the IDs of the MAX_EXECUTIONS executions that claimed most recently (an
 * execution still sending stays), at most MAX_IDS_PER_EXECUTION each (beyond that, not checked).
 */

const MAX_EXECUTIONS = 200;
const MAX_IDS_PER_EXECUTION = 100_000;

interface Claim {
	itemIndex: number;
	nodeName: string;
	runIndex: number;
	/** The request it was claimed for (path and body). */
	request: string;
	/** Its answer was lost: SocialHub may have applied it. */
	unknown?: boolean;
}

/** What identifies a request for the claims: where it goes and what it carries. */
export const requestKey = (options: { url?: string; body?: unknown }) => `${options.url ?? ''}\u0000${JSON.stringify(options.body ?? null)}`;

const claims = new ProcessCache<string, Map<string, Claim>>('Operation ID claims by execution', MAX_EXECUTIONS);

export interface Conflict {
	message: string;
	description: string;
}

/** Claims the request's Operation ID for this item; returns the conflict if another item has it. */
export function claimOperationId(
	context: IExecutePaginationFunctions,
	operationId: string | undefined,
	request: string,
): Conflict | undefined {
	if (operationId === undefined) return undefined;
	const executionId = context.getExecutionId?.();
	if (!executionId) return undefined;

	// The most recently claiming execution is the last forgotten: one still sending stays.
	let ids = claims.touch(executionId);
	if (!ids) {
		ids = new Map();
		claims.set(executionId, ids);
	}
	const itemIndex = context.getItemIndex();
	const nodeName = context.getNode().name;
	// n8n's contexts carry the node's run index (not in the interface); Retry On Fail keeps it.
	const runIndex = Number((context as unknown as { runIndex?: number }).runIndex ?? 0);
	const earlier = ids.get(operationId);
	const same = earlier && earlier.itemIndex === itemIndex && earlier.nodeName === nodeName && earlier.runIndex === runIndex;
	if (!earlier || same || (earlier.unknown && earlier.request === request)) {
		if (ids.size < MAX_IDS_PER_EXECUTION || earlier) ids.set(operationId, { itemIndex, nodeName, runIndex, request });
		return undefined;
	}
	const sameRun = earlier.nodeName === nodeName && earlier.runIndex === runIndex;
	const first = sameRun
		? `item ${earlier.itemIndex}`
		: earlier.nodeName === nodeName
			? `item ${earlier.itemIndex} of an earlier run of this node`
			: `item ${earlier.itemIndex} of node "${earlier.nodeName}"`;
	return {
		message: `Operation ID "${operationId}" of item ${itemIndex} was already used by ${first} in this run; item ${itemIndex} was not sent`,
		description: `SocialHub applies each Operation ID once and answers a repeat as if it had succeeded, so item ${itemIndex} would silently not have been applied. Give every adjustment its own Operation ID (e.g. from a unique column of the input). Items count from 0.`,
	};
}

/** Releases this item's claim on `operationId`: SocialHub did not apply its request. */
export function releaseOperationId(context: IExecutePaginationFunctions, operationId: string | undefined): void {
	const ids = operationId === undefined ? undefined : claims.get(context.getExecutionId?.() ?? '');
	const claim = ids?.get(operationId!);
	const runIndex = Number((context as unknown as { runIndex?: number }).runIndex ?? 0);
	if (claim && claim.itemIndex === context.getItemIndex() && claim.nodeName === context.getNode().name && claim.runIndex === runIndex) {
		ids!.delete(operationId!);
	}
}

/** This item's claim on `operationId` is for a request whose outcome is unknown (see above). */
export function markOutcomeUnknown(context: IExecutePaginationFunctions, operationId: string | undefined): void {
	const claim = operationId === undefined ? undefined : claims.get(context.getExecutionId?.() ?? '')?.get(operationId);
	if (claim && claim.itemIndex === context.getItemIndex() && claim.nodeName === context.getNode().name) claim.unknown = true;
}
