import type { NodeRun } from './nodeRun';
import type { Failure } from './errors';

/**
 * The words an error of a run of many items adds: which items were refused before anything was
 * sent, and, when an item fails after others were sent, what else happened in the run — so that
 * no applied item is ever hidden behind one item's error. Items count from 0, as in n8n.
 */

const MAX_LISTED = 10;

/** "items 0, 1 and 2" / "items 0, 1, … and 38 more", with Operation IDs when they have them. */
export function listItems(entries: Array<{ item: number; operationId?: string }>): string {
	const shown = entries
		.slice(0, MAX_LISTED)
		.map(({ item, operationId }) => (operationId === undefined ? String(item) : `${item} (Operation ID ${operationId})`));
	const more = entries.length - shown.length;
	const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown[0];
	return `${entries.length === 1 ? 'item' : 'items'} ${list}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What became of the other items of the run, and what re-running it does; '' for a run of one item. */
export function whatElseHappened(run: NodeRun, item: number, writes: 'operationId' | 'plain' | 'read', lead = true): string {
	const others = (entries: Array<{ item: number; operationId?: string }>) => entries.filter((entry) => entry.item !== item);
	const applied = others(run.applied());
	const maybe = others(run.maybeApplied());
	const notSent = [...run.notSent].filter((other) => other !== item).sort((a, b) => a - b);
	const refused = [...run.outcomes.entries()].filter(([other, outcome]) => other !== item && !outcome.applied && outcome.kind !== 'unknown').length;
	if (run.total <= 1) return '';
	const parts: string[] = [];
	const verb = writes === 'read' ? 'answered' : 'applied';
	if (applied.length > 0) parts.push(`${count(applied.length, 'other item')} ${applied.length === 1 ? 'was' : 'were'} ${verb} (${listItems(applied)})`);
	if (maybe.length > 0) parts.push(`${count(maybe.length, 'item')} may have been applied, ${maybe.length === 1 ? 'its answer' : 'their answers'} lost (${listItems(maybe)})`);
	if (refused > 0) parts.push(`${count(refused, 'other item')} failed`);
	if (notSent.length > 0) parts.push(`${count(notSent.length, 'item')} ${notSent.length === 1 ? 'was' : 'were'} not sent (${listItems(notSent.map((other) => ({ item: other })))})`);
	if (parts.length === 0) return `None of the other ${count(run.total - 1, 'item')} of this run was sent.`;
	let rerun = '';
	if (applied.length + maybe.length > 0 && writes === 'operationId') {
		rerun = ' Running the node again with the same Operation IDs applies each of them at most once.';
	} else if (applied.length + maybe.length > 0 && writes === 'plain') {
		rerun = ' This operation has no Operation ID: running the node again would send the applied items again, so take them out of its input first.';
	}
	return `${lead ? `Of this run's ${run.total} items: ` : ''}${parts.join('; ')}.${rerun}`;
}

/** The error for an item that failed in a run of many: SocialHub's reason stays first; the rest follows. */
export function inRunOf(failure: Failure, run: NodeRun, item: number, writes: 'operationId' | 'plain' | 'read'): Failure {
	if (run.total <= 1) return failure;
	const applied = run.applied().filter((entry) => entry.item !== item).length;
	const note = applied > 0 ? `; ${count(applied, 'other item')} of this run ${applied === 1 ? 'was' : 'were'} ${writes === 'read' ? 'answered' : 'applied'}` : '';
	return {
		...failure,
		message: `${failure.message} (item ${item}${note})`,
		description: `${failure.description} ${whatElseHappened(run, item, writes)} Items count from 0.`.trim(),
	};
}

/**
 * The error of a run refused before anything was sent: the refused items (the first few) and
 * their fields. With n8n's Batching, earlier items may have been sent already: then it says so.
 */
export function refusedRun(run: NodeRun, label: string): Failure {
	const problems = [...run.problems.entries()].filter(([, problem]) => problem.field).sort(([a], [b]) => a - b);
	const [first, firstProblem] = problems[0];
	const sent = run.applied().length + run.maybeApplied().length + [...run.outcomes.values()].filter((outcome) => !outcome.applied && outcome.kind === 'refused').length;
	const sentNote =
		sent === 0
			? `Nothing was sent to SocialHub${run.total > 1 ? ` for any of the ${run.total} items` : ''}. Correct the field and run the node again.`
			: `n8n's Batching had sent earlier items before item ${first} was prepared: ${whatElseHappened(run, first, 'read', false).replace(/answered/g, 'applied')} Nothing was sent after that.`;
	if (run.total <= 1) return { message: firstProblem.error.message, description: sentNote };
	const listed = problems.slice(0, 5).map(([item, problem]) => `item ${item}: ${problem.error.message}`);
	const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
	const message =
		problems.length === 1
			? `${label}: item ${first}: ${firstProblem.error.message}`
			: `${label}: ${problems.length} of ${run.total} items have bad input (item ${first}: ${firstProblem.error.message})`;
	return { message, description: `${problems.length > 1 ? `${listed.join('; ')}${more}. ` : ''}${sentNote} Items count from 0.` };
}
