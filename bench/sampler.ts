/**
 * Samples a process while a run goes on: its open TCP connections to one port and its RSS.
 * Every sample counts the sockets the process holds (/proc/<pid>/fd, cheap); when that count
 * reaches a new high, the kernel's tables (/proc/<pid>/net/tcp, tcp6: every socket of the machine,
 * 10-30 ms to read with thousands in TIME_WAIT) tell which of them are connected to the port.
 * Peak RSS is the kernel's high-water mark (VmHWM, reset at the start through clear_refs) and the
 * largest VmRSS sampled, whichever is larger.
 */
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';

export interface ProcessPeaks {
	sockets: number;
	rssBytes: number;
	/** RSS when sampling started. */
	rssStartBytes: number;
	samples: number;
	/** Mean time one sample took in this process, ms. */
	sampleMs: number;
}

function socketInodes(pid: number): Set<string> {
	const inodes = new Set<string>();
	for (const fd of readdirSync(`/proc/${pid}/fd`)) {
		try {
			const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
			if (target.startsWith('socket:[')) inodes.add(target.slice(8, -1));
		} catch {
			// closed between the listing and the read
		}
	}
	return inodes;
}

/** How many of the sockets `held` (inodes) are TCP connections to `port` (any address). */
function connectedTo(pid: number, port: number, held: Set<string>): number {
	const remote = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
	let count = 0;
	for (const table of ['tcp', 'tcp6']) {
		for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n')) {
			if (!line.includes(remote)) continue;
			// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
			const fields = line.trim().split(/\s+/);
			if (fields[2]?.endsWith(remote.trimEnd()) && held.has(fields[9])) count++;
		}
	}
	return count;
}

function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
}

/** Starts sampling every `everyMs`; the returned function stops and gives the peaks. */
export function sampleProcess(pid: number, port: number, everyMs = 50): () => ProcessPeaks {
	let hwmReset = true;
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// Not allowed here: VmHWM would cover the process's whole life, so only samples count.
		hwmReset = false;
	}
	const rssStartBytes = memoryKb(pid, 'VmRSS') * 1024;
	let sockets = 0;
	let heldPeak = 0;
	let rssKb = 0;
	let samples = 0;
	let busyMs = 0;
	const sample = () => {
		const started = performance.now();
		try {
			const held = socketInodes(pid);
			if (held.size > heldPeak) {
				heldPeak = held.size;
				sockets = Math.max(sockets, connectedTo(pid, port, held));
			}
			rssKb = Math.max(rssKb, memoryKb(pid, 'VmRSS'));
			samples++;
		} catch {
			// the process is gone
		}
		busyMs += performance.now() - started;
	};
	const timer = setInterval(sample, everyMs);
	return () => {
		clearInterval(timer);
		sample();
		const hwmKb = hwmReset ? memoryKb(pid, 'VmHWM') : 0;
		return { sockets, rssBytes: Math.max(rssKb, hwmKb) * 1024, rssStartBytes, samples, sampleMs: busyMs / Math.max(1, samples) };
	};
}
