//! Extraction speed and peak memory over the corpus, ours against a peer.
//!
//! `cargo bench -p reader-web --bench extract`
//!
//! For every page of `../shared/corpus` (or `$CARE_READER_CORPUS`) this times
//! `reader_web::extract::extract` and `dom_smoothie` (a Rust port of
//! Mozilla Readability) in the same run, interleaved page by page, both
//! including HTML parsing. Each page is extracted [`WARMUP`] + `iters` times
//! per extractor (`CARE_READER_BENCH_ITERS`, default [`DEFAULT_ITERS`]); the
//! page's time is the median of its timed runs. The table gives, per source
//! and overall, the median, mean and 95th percentile of those per-page times
//! and the ratio ours/peer (below 1 means we are faster).
//!
//! Peak memory: the bench re-runs itself as a child process per extractor
//! that reads only the largest corpus page, notes `VmHWM` (peak resident set)
//! from `/proc/self/status`, extracts once and notes it again.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Untimed runs per page and extractor before timing (caches, allocator).
const WARMUP: usize = 1;
/// Timed runs per page and extractor.
const DEFAULT_ITERS: usize = 5;
/// Set in the child process: which extractor to run (`ours`, `dom_smoothie`).
const CHILD_ENV: &str = "CARE_READER_BENCH_MEMORY_CHILD";
/// Set in the child process: the page to extract.
const CHILD_PAGE_ENV: &str = "CARE_READER_BENCH_MEMORY_PAGE";
const CHILD_URL_ENV: &str = "CARE_READER_BENCH_MEMORY_URL";
const SOURCES: [&str; 4] = ["zyte", "gne-zh", "cleaneval-zh", "readability"];

struct Page {
    source: String,
    name: String,
    path: PathBuf,
    html: String,
    url: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Extractor {
    Ours,
    DomSmoothie,
}

impl Extractor {
    fn name(self) -> &'static str {
        match self {
            Extractor::Ours => "ours",
            Extractor::DomSmoothie => "dom_smoothie",
        }
    }

    /// Parses and extracts once; returns the length of the text, so that the
    /// work cannot be optimised away, or `None` on failure.
    fn run(self, html: &str, url: Option<&str>) -> Option<usize> {
        match self {
            Extractor::Ours => {
                let base = url.and_then(|u| url::Url::parse(u).ok());
                reader_web::extract::extract(html, base.as_ref())
                    .ok()
                    .map(|a| a.body_text().len())
            }
            Extractor::DomSmoothie => {
                // dom_smoothie insists on an absolute URL (or none).
                let url = url.filter(|u| url::Url::parse(u).is_ok());
                let mut r = dom_smoothie::Readability::new(html, url, None).ok()?;
                r.parse().ok().map(|a| a.text_content.len())
            }
        }
    }
}

fn main() {
    if let Ok(which) = std::env::var(CHILD_ENV) {
        std::process::exit(memory_child(&which));
    }
    let Some(root) = corpus_root() else {
        return;
    };
    let iters = std::env::var("CARE_READER_BENCH_ITERS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_ITERS);
    let pages = match load_pages(&root) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("reading the corpus at {}: {e}", root.display());
            std::process::exit(1);
        }
    };
    let total_bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "extract bench: {} pages ({:.1} MB of HTML) from {}, {WARMUP} warm-up + {iters} timed runs per page and extractor",
        pages.len(),
        total_bytes as f64 / 1e6,
        root.display()
    );

    let extractors = [Extractor::Ours, Extractor::DomSmoothie];
    // times[e][page] = median of that page's timed runs
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(pages.len()); extractors.len()];
    let mut failures = vec![0usize; extractors.len()];
    let started = Instant::now();
    for (i, page) in pages.iter().enumerate() {
        for (e, ex) in extractors.iter().enumerate() {
            let mut runs = Vec::with_capacity(iters);
            let mut ok = true;
            for k in 0..WARMUP + iters {
                let t = Instant::now();
                let out = std::hint::black_box(
                    ex.run(std::hint::black_box(&page.html), page.url.as_deref()),
                );
                let elapsed = t.elapsed();
                ok &= out.is_some();
                if k >= WARMUP {
                    runs.push(elapsed);
                }
            }
            if !ok {
                failures[e] += 1;
            }
            runs.sort();
            times[e].push(runs[runs.len() / 2]);
        }
        if (i + 1) % 50 == 0 {
            eprintln!(
                "  {}/{} pages ({:.0} s)",
                i + 1,
                pages.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }

    println!("\nper-page time in ms (each page: median of {iters} runs, parse + extract)\n");
    println!(
        "{:<13} {:>5} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>7} {:>7}",
        "source", "pages", "ours med", "mean", "p95", "peer med", "mean", "p95", "med x", "mean x"
    );
    println!("{}", "-".repeat(104));
    let mut groups: Vec<(String, Vec<usize>)> = SOURCES
        .iter()
        .map(|s| {
            let idx = (0..pages.len())
                .filter(|&i| pages[i].source == *s)
                .collect();
            ((*s).to_owned(), idx)
        })
        .filter(|(_, idx): &(String, Vec<usize>)| !idx.is_empty())
        .collect();
    groups.push(("ALL".to_owned(), (0..pages.len()).collect()));
    for (name, idx) in &groups {
        let ours = Stats::of(idx.iter().map(|&i| times[0][i]));
        let peer = Stats::of(idx.iter().map(|&i| times[1][i]));
        println!(
            "{:<13} {:>5} | {:>8.2} {:>8.2} {:>8.2} | {:>8.2} {:>8.2} {:>8.2} | {:>7.2} {:>7.2}",
            name,
            idx.len(),
            ours.median,
            ours.mean,
            ours.p95,
            peer.median,
            peer.mean,
            peer.p95,
            ratio(ours.median, peer.median),
            ratio(ours.mean, peer.mean),
        );
    }
    println!(
        "\n'x' = ours / dom_smoothie (below 1: we are faster). Failed extractions (still timed): ours {}, dom_smoothie {}.",
        failures[0], failures[1]
    );
    let slowest = (0..pages.len()).max_by(|&a, &b| times[0][a].cmp(&times[0][b]));
    if let Some(i) = slowest {
        println!(
            "Our slowest page: {}/{} ({:.1} KB) {:.2} ms (dom_smoothie {:.2} ms).",
            pages[i].source,
            pages[i].name,
            pages[i].html.len() as f64 / 1e3,
            ms(times[0][i]),
            ms(times[1][i])
        );
    }

    if let Some(largest) = pages.iter().max_by_key(|p| p.html.len()) {
        peak_memory_report(largest);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

struct Stats {
    median: f64,
    mean: f64,
    p95: f64,
}

impl Stats {
    /// Milliseconds; p95 by the nearest-rank rule the Python tool uses.
    fn of(times: impl Iterator<Item = Duration>) -> Stats {
        let mut v: Vec<f64> = times.map(ms).collect();
        if v.is_empty() {
            return Stats {
                median: f64::NAN,
                mean: f64::NAN,
                p95: f64::NAN,
            };
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        let p95_idx = ((0.95 * (n - 1) as f64).round() as usize).min(n - 1);
        Stats {
            median,
            mean: v.iter().sum::<f64>() / n as f64,
            p95: v[p95_idx],
        }
    }
}

// ------------------------------------------------------------------ memory

fn peak_memory_report(page: &Page) {
    println!(
        "\npeak memory (VmHWM) extracting the largest page, {}/{} ({:.1} KB), in a fresh process:",
        page.source,
        page.name,
        page.html.len() as f64 / 1e3
    );
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            println!("  cannot re-run the bench to measure memory: {e}");
            return;
        }
    };
    println!(
        "{:<13} {:>14} {:>14} {:>12}",
        "extractor", "before (KiB)", "after (KiB)", "delta (KiB)"
    );
    for ex in [Extractor::Ours, Extractor::DomSmoothie] {
        let out = Command::new(&exe)
            .env(CHILD_ENV, ex.name())
            .env(CHILD_PAGE_ENV, &page.path)
            .env(CHILD_URL_ENV, page.url.as_deref().unwrap_or(""))
            .output();
        let line = match out {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_owned(),
            Ok(o) => {
                println!(
                    "{:<13} child failed: {}",
                    ex.name(),
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                continue;
            }
            Err(e) => {
                println!("{:<13} cannot start child: {e}", ex.name());
                continue;
            }
        };
        let nums: Vec<u64> = line
            .split_whitespace()
            .filter_map(|s| s.parse().ok())
            .collect();
        if let [before, after] = nums[..] {
            println!(
                "{:<13} {:>14} {:>14} {:>12}",
                ex.name(),
                before,
                after,
                after.saturating_sub(before)
            );
        } else {
            println!("{:<13} unexpected child output: {line}", ex.name());
        }
    }
}

/// Peak resident set size of this process, in KiB.
fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// The child: read one page, print `VmHWM` before and after one extraction.
fn memory_child(which: &str) -> i32 {
    let ex = match which {
        "ours" => Extractor::Ours,
        "dom_smoothie" => Extractor::DomSmoothie,
        other => {
            eprintln!("unknown extractor {other}");
            return 2;
        }
    };
    let Some(path) = std::env::var_os(CHILD_PAGE_ENV) else {
        eprintln!("{CHILD_PAGE_ENV} not set");
        return 2;
    };
    let html = match read_page(Path::new(&path)) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{}: {e}", Path::new(&path).display());
            return 1;
        }
    };
    let url = std::env::var(CHILD_URL_ENV).ok().filter(|u| !u.is_empty());
    let before = vm_hwm_kib();
    std::hint::black_box(ex.run(&html, url.as_deref()));
    let after = vm_hwm_kib();
    let (Some(before), Some(after)) = (before, after) else {
        eprintln!("VmHWM not available (not Linux?)");
        return 1;
    };
    println!("{before} {after}");
    0
}

// ------------------------------------------------------------------ corpus

fn corpus_root() -> Option<PathBuf> {
    let path = match std::env::var_os("CARE_READER_CORPUS") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    if path.is_dir() {
        Some(path.canonicalize().unwrap_or(path))
    } else {
        eprintln!(
            "SKIPPED: extract bench: corpus not found at {} (set CARE_READER_CORPUS)",
            path.display()
        );
        None
    }
}

fn read_page(path: &Path) -> std::io::Result<String> {
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut out)?;
        out
    } else {
        std::fs::read(path)?
    };
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Every page (labelled or not) of every source, sorted by source then case.
fn load_pages(root: &Path) -> std::io::Result<Vec<Page>> {
    let mut pages = Vec::new();
    for source in SOURCES {
        let dir = root.join(source);
        if !dir.is_dir() {
            continue;
        }
        let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        cases.sort();
        for case in cases {
            let path = if case.join("source.html.gz").is_file() {
                case.join("source.html.gz")
            } else if case.join("source.html").is_file() {
                case.join("source.html")
            } else {
                continue;
            };
            let url = std::fs::read_to_string(case.join("meta.json"))
                .ok()
                .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
                .and_then(|m| m.get("url")?.as_str().map(str::to_owned))
                .filter(|u| !u.is_empty());
            pages.push(Page {
                source: source.to_owned(),
                name: case
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                html: read_page(&path)?,
                path,
                url,
            });
        }
    }
    Ok(pages)
}
