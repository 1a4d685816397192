//! Memory of a running program and its children (the WebKit web and
//! network processes), from /proc: what the app benches report.

/// RSS and PSS in KiB of the newest process whose command name starts with
/// `name`, plus all its descendants (the WebKit web and network processes).
pub fn memory_of(name: &str) -> (u64, u64) {
    let procs = processes();
    // /proc/<pid>/comm holds at most 15 bytes of the name.
    let short: String = name.chars().take(15).collect();
    let Some(root) = procs
        .iter()
        .filter(|p| p.comm == short)
        .map(|p| p.pid)
        .max()
    else {
        return (0, 0);
    };
    let mut family = vec![root];
    let mut i = 0;
    while i < family.len() {
        let parent = family[i];
        family.extend(procs.iter().filter(|p| p.ppid == parent).map(|p| p.pid));
        i += 1;
    }
    family.iter().fold((0, 0), |(rss, pss), pid| {
        let (r, p) = rollup(*pid);
        (rss + r, pss + p)
    })
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

/// (Rss, Pss) of one process in KiB, from smaps_rollup.
fn rollup(pid: u32) -> (u64, u64) {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("Rss:"), field("Pss:"))
}
