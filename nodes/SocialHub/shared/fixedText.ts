import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { InvalidFieldError } from './refusal';

/**
 * n8n evaluates `{{ … }}` only in a value switched to Expression (stored with a leading `=`). In a
 * fixed value the braces are plain text, and the node would send `{{ $json.cardNo }}` to
 * SocialHub as written: a very common mistake (SocialHub's own example workflows make it). A
 * fixed value holding the template syntax is refused; what an expression produced never is.
 */

const TEMPLATE = /\{\{[\s\S]*?\}\}/;

/** The first fixed string inside `raw` that holds `{{ … }}`, with the keys leading to it. */
function findTemplate(raw: unknown, path: Array<string | number> = [], depth = 0): { text: string; path: Array<string | number> } | undefined {
	if (typeof raw === 'string') return !raw.startsWith('=') && TEMPLATE.test(raw) ? { text: raw, path } : undefined;
	if (!raw || typeof raw !== 'object' || depth > 16) return undefined;
	for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
		const found = findTemplate(value, [...path, Array.isArray(raw) ? Number(key) : key], depth + 1);
		if (found) return found;
	}
	return undefined;
}

/** The display name of the nested option `name` within a collection or fixed collection, if any. */
function childName(property: INodeProperties, name: string | number): string | undefined {
	for (const option of property.options ?? []) {
		if (typeof name !== 'string' || !('name' in option) || option.name !== name) continue;
		return (option as INodeProperties | INodePropertyCollection).displayName;
	}
	return undefined;
}

/** Throws InvalidFieldError naming the field when its stored value holds `{{ … }}` as fixed text. */
export function refuseUnevaluated(property: INodeProperties, raw: unknown): void {
	const found = findTemplate(raw);
	if (!found) return;
	const inner = found.path.filter((key) => typeof key === 'string' && key !== 'value' && key !== '__rl').map((key) => childName(property, key) ?? String(key));
	const label = [property.displayName, ...inner.slice(-1)].join(' › ');
	const shown = Array.from(found.text.trim()).slice(0, 60).join('');
	throw new InvalidFieldError(
		`"${label}" holds n8n's expression syntax as fixed text (${shown}), so n8n did not evaluate it and it would be sent as written. Switch the field to Expression (or start its value with =) and run the node again`,
	);
}
