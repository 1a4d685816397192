//! Memory of a running program and its children (the WebKit web and
//! network processes), from /proc: what the app benches report.

/// RSS and PSS in KiB of the newest process whose command name starts with
/// `name`, plus all its descendants (the WebKit web and network processes).
#[allow(dead_code)] // each bench uses the total or the breakdown
pub fn memory_of(name: &str) -> (u64, u64) {
    by_process(name)
        .iter()
        .fold((0, 0), |(rss, pss), p| (rss + p.rss_kib, pss + p.pss_kib))
}

/// One process of a program's family and its memory.
#[allow(dead_code)] // the fields a bench prints
pub struct ProcessMemory {
    pub comm: String,
    pub rss_kib: u64,
    pub pss_kib: u64,
    /// Pages no other process maps (private clean + dirty): unlike PSS it
    /// does not move when another program maps the same libraries (another
    /// WebKit app on the machine), so it is what growth is judged by.
    pub private_kib: u64,
}

/// The memory of each process [`memory_of`] adds up: the program first,
/// then its descendants (the WebKit web and network processes), so a bench
/// can say which of them grows.
pub fn by_process(name: &str) -> Vec<ProcessMemory> {
    newest(name).map(family_of).unwrap_or_default()
}

/// The newest process whose command name starts with `name`. A bench that
/// samples for long keeps this pid: another copy of the app started
/// meanwhile (a test on the same machine) is not the one measured.
pub fn newest(name: &str) -> Option<u32> {
    // /proc/<pid>/comm holds at most 15 bytes of the name.
    let short: String = name.chars().take(15).collect();
    processes()
        .iter()
        .filter(|p| p.comm == short)
        .map(|p| p.pid)
        .max()
}

/// [`by_process`] for the process `root` and its descendants.
pub fn family_of(root: u32) -> Vec<ProcessMemory> {
    let procs = processes();
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(procs.iter().filter(|p| p.ppid == parent).map(|p| p.pid));
        i += 1;
    }
    family
        .iter()
        .filter_map(|pid| {
            let comm = procs.iter().find(|p| p.pid == *pid)?.comm.clone();
            let (rss_kib, pss_kib, private_kib) = rollup(*pid);
            Some(ProcessMemory {
                comm,
                rss_kib,
                pss_kib,
                private_kib,
            })
        })
        .collect()
}

struct Proc {
    pid: u32,
    ppid: u32,
    comm: String,
}

fn processes() -> Vec<Proc> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            let open = stat.find('(')?;
            let close = stat.rfind(')')?;
            let comm = stat[open + 1..close].to_owned();
            let ppid = stat[close + 1..].split_whitespace().nth(1)?.parse().ok()?;
            Some(Proc { pid, ppid, comm })
        })
        .collect()
}

/// (Rss, Pss, private) of one process in KiB, from smaps_rollup.
fn rollup(pid: u32) -> (u64, u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (
        field("Rss:"),
        field("Pss:"),
        field("Private_Clean:") + field("Private_Dirty:"),
    )
}
