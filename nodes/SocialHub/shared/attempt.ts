/**
 * Runs a step and hands back its result or what it threw. The caller then raises n8n's own
 * error (or lets the original pass) outside any catch block, as n8n's community-node rules ask.
 */
export type Outcome<T> = { value: T } | { failed: unknown };

export function attempt<T>(step: () => T): Outcome<T> {
	try {
		return { value: step() };
	} catch (failed) {
		return { failed };
	}
}

export async function attemptAsync<T>(step: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { value: await step() };
	} catch (failed) {
		return { failed };
	}
}
