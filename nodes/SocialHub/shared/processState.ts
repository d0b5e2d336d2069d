/**
 * What this package remembers across runs in one n8n process: every cache is a ProcessCache,
 * bounded, forgetting its least recently used entry first, and listed here, so that one call
 * forgets them all (tests and benchmarks start cold). CONTRIBUTING.md lists them by name.
 */

const caches = new Map<string, ProcessCache<unknown, unknown>>();

/** A Map of at most `max` entries; setting or `touch`ing an entry makes it the most recently used. */
export class ProcessCache<K, V> extends Map<K, V> {
	constructor(
		readonly name: string,
		readonly max: number,
	) {
		super();
		caches.set(name, this as ProcessCache<unknown, unknown>);
	}

	override set(key: K, value: V): this {
		super.delete(key);
		while (this.size >= this.max) super.delete(this.keys().next().value as K);
		return super.set(key, value);
	}

	/** The entry for `key`, now the most recently used. */
	touch(key: K): V | undefined {
		const value = super.get(key);
		if (value !== undefined) this.set(key, value);
		return value;
	}
}

/** Forgets everything every ProcessCache holds. */
export function resetProcessState(): void {
	for (const cache of caches.values()) cache.clear();
}

/** The caches by name, with their bounds (for the docs test). */
export function processCaches(): Array<{ name: string; max: number }> {
	return [...caches.values()].map(({ name, max }) => ({ name, max }));
}
