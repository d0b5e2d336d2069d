/**
 * Issue 20 in a real n8n, on every release line: six adjustments from a Split Out node into the
 * SocialHub node (version 2) end in one of three ways. Bad input in one item: the run fails and
 * nothing was sent. SocialHub refusing one item among applied ones: the run fails with SocialHub's
 * reason and says which items were applied. Continue On Fail: paired results and errors, in item
 * order, on the regular output and on the error output (where a node downstream reads the items
 * back through n8n's pairing). That last run also proves SocialHub's 64-bit record IDs exact.
 */
import { bigRecordId } from '../sandbox/points';
import { ACCOUNT, ADJUST_PATH, adjustNode, notAppliedOnce, rows, rowsWorkflow, SEED_BALANCE, workflowNode, type LineChecks, type Row } from './burst';
import { outputEntries, type ExecutionOutput } from './expectations';

const SIX = 6;
/** Item 1: a Point Value SocialHub cannot take (refused before sending); item 4: more than the balance. */
const BAD_INPUT = { points: 1.5 };
const OVER_BALANCE = { points: 5000, type: 7 };

const withRow = (data: Row[], index: number, change: Partial<Row>) =>
	data.map((row, at) => (at === index ? { ...row, ...change } : row));
const text = (value: unknown) => JSON.stringify(value) ?? '';
const errorOf = (run: ExecutionOutput) => {
	const error = run.data?.resultData?.error;
	return { message: String(error?.message ?? ''), description: String(error?.description ?? '') };
};
type Entry = ReturnType<typeof outputEntries>[number];
/** The input item an output item is paired with (n8n stores a number, an object or a list). */
const paired = (entry: Entry) => {
	const link = entry.pairedItem;
	return typeof link === 'number' ? link : Array.isArray(link) ? link[0]?.item : link?.item;
};
const pairing = (entries: Entry[]) => entries.map(paired);
const errorText = (entry: Entry | undefined) => String(entry?.json.error ?? '');

export async function checkRunOutcomes(ctx: LineChecks): Promise<void> {
	await checkBadInput(ctx);
	await checkRefusal(ctx);
	await checkContinueOnFail(ctx);
}

async function checkBadInput({ sandbox, credential, run, check }: LineChecks) {
	const data = withRow(rows(SIX, 'bad-input'), 3, BAD_INPUT);
	const workflow = rowsWorkflow('E2E: six adjustments, item 3 with Point Value 1.5', data, [adjustNode('SocialHub', [660, 0], credential)]);
	const output = await run('outcome-bad-input', workflow);
	const { message, description } = errorOf(output);
	const sent = sandbox.apiRequests(ADJUST_PATH).length;
	check(
		output.status === 'error' &&
			sent === 0 &&
			/\bitem 3\b/.test(message) &&
			message.includes('"Point Value"') &&
			description.includes('Nothing was sent to SocialHub'),
		'issue 20: bad input in item 3 of 6 (Point Value 1.5): the run fails, SocialHub received no adjustment, the error names the item and the field and says "Nothing was sent"',
		`${String(output.status)}, ${sent} adjustment(s) received; ${message} | ${description.slice(0, 200)}`,
	);
}

async function checkRefusal({ sandbox, credential, run, check }: LineChecks) {
	const data = withRow(rows(SIX, 'refusal'), 4, OVER_BALANCE);
	const workflow = rowsWorkflow('E2E: six adjustments, item 4 over the balance', data, [adjustNode('SocialHub', [660, 0], credential)]);
	const output = await run('outcome-refusal', workflow);
	const { message, description } = errorOf(output);
	check(
		output.status === 'error' &&
			/Insufficient points: balance \d+, deduction 5000 \(item 4; 5 other items of this run were applied\)$/.test(message) &&
			description.includes('SocialHub refused the request with code 40096'),
		'issue 20: SocialHub refuses item 4 of 6 (over the balance): the run fails with SocialHub’s reason, naming the item',
		`${String(output.status)}: ${message}`,
	);
	const applied = [0, 1, 2, 3, 5].map((index) => data[index].op);
	const named = applied.map((op, at) => `${op.split('-').pop()} (Operation ID ${op})`);
	const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
	const missing = notAppliedOnce(sandbox, applied);
	const balance = sandbox.state.accounts.get(ACCOUNT)?.balance;
	check(
		description.includes(`5 other items were applied (items ${list})`) &&
			missing.length === 0 &&
			sandbox.stats().applied === applied.length &&
			balance === SEED_BALANCE + applied.length,
		'issue 20: …and its description says which items were applied, with their Operation IDs (exactly those SocialHub applied)',
		`${description.slice(0, 400)} | not applied once: ${text(missing)}, balance ${String(balance)}`,
	);
}

/**
 * One run, two nodes fed the same rows: one with On Error → Continue (regular output), one with
 * Continue (using error output) whose error output feeds "Read back". Records get 64-bit IDs.
 */
async function checkContinueOnFail({ sandbox, credential, run, check }: LineChecks) {
	const data = withRow(withRow(rows(SIX, 'continue'), 1, BAD_INPUT), 4, OVER_BALANCE);
	const regular = adjustNode('SocialHub (Continue On Fail)', [660, -200], credential, { prefix: 'cof-', onError: 'continueRegularOutput' });
	const errorOutput = adjustNode('SocialHub', [660, 200], credential, { prefix: 'eo-', onError: 'continueErrorOutput' });
	const readBack = workflowNode('Read back', 'set', 3.4, [880, 300], {
		mode: 'manual',
		assignments: {
			assignments: [
				{ id: 'op', name: 'op', value: "={{ $('Split Out').item.json.op }}", type: 'string' },
				{ id: 'error', name: 'error', value: "={{ $('SocialHub').item.json.error }}", type: 'string' },
			],
		},
		options: {},
	});
	const workflow = rowsWorkflow('E2E: six adjustments, Continue On Fail', data, [regular, errorOutput], [readBack], {
		SocialHub: { main: [[], [{ node: 'Read back', type: 'main', index: 0 }]] },
	});
	sandbox.setLimits({ bigIds: true });
	let output: ExecutionOutput;
	try {
		output = await run('outcome-continue-on-fail', workflow);
	} finally {
		sandbox.setLimits({ bigIds: null });
	}
	const results = outputEntries(output, regular.name);
	const failedAt = results.flatMap((entry, index) => (entry.json.error ? [index] : []));
	const reasonsRight = (entries: Entry[]) =>
		errorText(entries[0]).includes('"Point Value"') && errorText(entries[1]).includes('Insufficient points');
	check(
		output.status === 'success' &&
			text(pairing(results)) === text([0, 1, 2, 3, 4, 5]) &&
			text(failedAt) === text([1, 4]) &&
			reasonsRight([results[1], results[4]]),
		'issue 20: Continue On Fail (regular output): 4 results and 2 error items (item 1 refused before sending, item 4 by SocialHub), each paired with its input, in item order',
		`${String(output.status)}; paired ${text(pairing(results))}, errors at ${text(failedAt)}: ${errorText(results[1]).slice(0, 100)} | ${errorText(results[4]).slice(0, 100)}`,
	);
	const main = outputEntries(output, 'SocialHub', 0);
	const errors = outputEntries(output, 'SocialHub', 1);
	check(
		text(pairing(main)) === text([0, 2, 3, 5]) && text(pairing(errors)) === text([1, 4]) && reasonsRight(errors),
		'issue 20: Continue (using error output): results on the regular output, items 1 (refused before sending) and 4 (refused by SocialHub) on the error output, each paired',
		`regular output paired ${text(pairing(main))}, error output paired ${text(pairing(errors))}`,
	);
	const readItems = outputEntries(output, 'Read back').map((entry) => entry.json);
	check(
		text(readItems.map((item) => item.op)) === text([data[1].op, data[4].op]),
		"issue 20: a node after the error output reads each refused item's own row through n8n's pairing ($('Split Out').item)",
		text(readItems.map((item) => item.op)),
	);
	check(
		readItems.length === 2 && readItems.every((item, index) => item.error === errors[index]?.json.error),
		"issue 20: …and the refused item itself ($('SocialHub').item.json.error)",
		text(readItems.map((item) => item.error)),
	);
	const appliedOps = [0, 2, 3, 5].flatMap((index) => [`cof-${data[index].op}`, `eo-${data[index].op}`]);
	const recordIds = [...main, ...results.filter((entry) => !entry.json.error)].map(
		(entry) => (entry.json.data as { recordId?: unknown } | undefined)?.recordId ?? entry.json.recordId,
	);
	const expectedIds = appliedOps.map((_, index) => bigRecordId(index).toString());
	check(
		notAppliedOnce(sandbox, appliedOps).length === 0 &&
			recordIds.every((id) => typeof id === 'string') &&
			text([...recordIds].sort()) === text(expectedIds) &&
			recordIds.includes('7615917337495251231'),
		'issue 20: SocialHub’s 64-bit record IDs reach n8n’s output exactly, as text (7615917337495251231 among them)',
		text(recordIds),
	);
}
