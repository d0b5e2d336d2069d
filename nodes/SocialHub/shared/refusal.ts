/**
 * How a field's value is refused: an InvalidFieldError whose message names the field and shows
 * what it got. The node then sends nothing for that item (transport/prepare.ts).
 */

export class InvalidFieldError extends Error {}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(typeof value === 'number' && Number.isNaN(value))
	);
}

export const shown = (value: unknown) => {
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = Array.isArray(value) ? '(a list)' : '(an object)';
	}
	// Cut on a code point boundary, so the message itself never holds half a character.
	const points = Array.from(text);
	return points.length > 60 ? `${points.slice(0, 57).join('')}...` : text;
};

