import { attempt } from './attempt';
import { parseExactJson } from './exactJson';
import { InvalidFieldError } from './refusal';

/** JSON given to a field (typed, or from an expression): read exactly, nesting bounded. */

/** How deep JSON given to a field may nest; deeper input is refused rather than overflowing the stack. */
export const MAX_JSON_DEPTH = 64;

/** Depth of nested objects/arrays in `value` (walked iteratively, stopping past `limit`). */
export function nestingDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
	let deepest = 0;
	const stack: Array<[unknown, number]> = [[value, 0]];
	while (stack.length > 0) {
		const [current, depth] = stack.pop()!;
		if (!current || typeof current !== 'object') continue;
		if (depth + 1 > deepest) deepest = depth + 1;
		if (deepest > limit) return deepest;
		for (const child of Object.values(current as Record<string, unknown>)) {
			if (child && typeof child === 'object') stack.push([child, depth + 1]);
		}
	}
	return deepest;
}

/** JSON typed into a field: integers beyond ±2^53 are kept exactly, as text (see exactJson.ts). */
export function parseJson(value: unknown, label: string): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		const outcome = attempt(() => parseExactJson(value));
		if ('failed' in outcome) {
			const reason = outcome.failed instanceof RangeError ? 'it is nested too deeply' : (outcome.failed as Error).message;
			throw new InvalidFieldError(`"${label}" is not valid JSON (${reason})`);
		}
		parsed = outcome.value;
	}
	if (parsed && typeof parsed === 'object' && nestingDepth(parsed) > MAX_JSON_DEPTH) {
		throw new InvalidFieldError(`"${label}" is nested more than ${MAX_JSON_DEPTH} levels deep`);
	}
	return parsed;
}

