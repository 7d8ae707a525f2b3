import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU time (user + system) a process has used so far, in ms; null where /proc is absent. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, exited backends included through their parent's figures) that
 * every local PostgreSQL process has used so far, in ms; null when none is visible (a remote
 * server). The audited path's extra cost is mostly the database's, which no Node process shows.
 */
export function postgresCpuMs(): number | null {
  let total = 0;
  let seen = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (name !== 'postgres' && !name.startsWith('postgres:')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += fields.slice(11, 15).reduce((a, f) => a + Number(f), 0);
      seen = true;
    } catch {
      // gone between the listing and the read
    }
  }
  return seen ? (total * 1000) / TICKS : null;
}

/** Resident set size now, in MB. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The machine's load averages, recorded beside every measurement (machines here are shared). */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

/** Samples the peak RSS of some processes while a run lasts. */
export function rssSampler(pids: number[], everyMs = 100) {
  const peak = new Map<number, number>(pids.map((p) => [p, rssMb(p) ?? 0]));
  const timer = setInterval(() => {
    for (const p of pids) peak.set(p, Math.max(peak.get(p) ?? 0, rssMb(p) ?? 0));
  }, everyMs);
  timer.unref();
  return {
    stop(): Map<number, number> {
      clearInterval(timer);
      for (const p of pids) peak.set(p, Math.max(peak.get(p) ?? 0, rssMb(p) ?? 0));
      return peak;
    },
  };
}
