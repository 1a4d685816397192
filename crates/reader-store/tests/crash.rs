//! Issue 11, crash safety: a writer killed with SIGKILL at random moments
//! never damages the store and never loses a write it reported committed.
//!
//! The test re-runs its own binary as the writer (the child): with
//! `CHILD_DIR` set, this same test saves articles, keeps them, saves places
//! and pictures in a loop, printing a line (`@kept 12`) after each call
//! returned, i.e. after its commit. The parent kills it at a random moment, then checks
//! `PRAGMA integrity_check` and every write the child printed. One in five
//! rounds kills the child while it is still starting (opening, migrating,
//! purging), before its first write.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{article, temp_dir};
use reader_store::{FILE_NAME, Picture, Place, Store, StoreError};

const TEST_NAME: &str = "killed_writers_never_damage_the_store_or_lose_a_committed_write";
const CHILD_DIR: &str = "CARE_READER_STORE_CRASH_DIR";
const CHILD_START: &str = "CARE_READER_STORE_CRASH_START";
const ROUNDS: usize = 120;

fn source(i: u64) -> String {
    format!("https://crash.example/{i}")
}

fn place(i: u64) -> Place {
    Place {
        block: (i % 3) as i64,
        offset: 0.25,
        sentence: Some(i as usize),
    }
}

/// The child: writes until it is killed (or a generous cap).
fn child(dir: &Path, start: u64) -> Result<(), StoreError> {
    let (store, _) = Store::open_in(dir)?;
    for i in start..start + 100_000 {
        let body = format!("第{i}篇：银杏树下的老人。 Article {i} under the ginkgo.");
        let id =
            store.remember_article(&source(i), &article(&format!("T{i}"), &[&body, "b", "c"]))?;
        println!("@article {i} {id}");
        store.keep(id)?;
        println!("@kept {i}");
        store.save_position(id, place(i))?;
        println!("@place {i}");
        if i % 4 == 0 {
            store.keep_pictures(
                id,
                &[Picture {
                    url: format!("{}.png", source(i)),
                    content_type: "image/png".into(),
                    bytes: vec![(i % 251) as u8; 20_000],
                }],
            )?;
            println!("@picture {i}");
        }
    }
    Ok(())
}

/// A small xorshift: the kill moments need to vary, not to be secure.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[derive(Default)]
struct Reported {
    articles: Vec<(u64, i64)>,
    kept: Vec<u64>,
    places: Vec<u64>,
    pictures: Vec<u64>,
}

fn parse(lines: &[String], r: &mut Reported) {
    for line in lines {
        // The test harness may have printed on the same line before us.
        let Some(at) = line.rfind('@') else {
            continue;
        };
        let parts: Vec<&str> = line[at + 1..].split(' ').collect();
        let n = |k: usize| parts.get(k).and_then(|s| s.parse::<u64>().ok());
        match (parts.first().copied(), n(1)) {
            (Some("article"), Some(i)) => {
                if let Some(id) = n(2) {
                    r.articles.push((i, id as i64));
                }
            }
            (Some("kept"), Some(i)) => r.kept.push(i),
            (Some("place"), Some(i)) => r.places.push(i),
            (Some("picture"), Some(i)) => r.pictures.push(i),
            _ => {}
        }
    }
}

fn check(dir: &Path, r: &Reported) -> Result<(), StoreError> {
    {
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME))?;
        let ok: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        assert_eq!(ok, "ok");
    }
    let (store, notice) = Store::open_in(dir)?;
    assert_eq!(notice, None, "the store was never unreadable");
    for &(i, id) in &r.articles {
        let (src, a) = store
            .article(id)?
            .unwrap_or_else(|| panic!("article {i} (id {id}) reported committed, missing"));
        assert_eq!((src, a.title), (source(i), format!("T{i}")));
    }
    let ids: std::collections::HashMap<u64, i64> = r.articles.iter().copied().collect();
    for i in &r.kept {
        let item = store.library_item(ids[i])?;
        assert!(item.and_then(|k| k.saved_at).is_some(), "keep {i} lost");
    }
    for i in &r.places {
        let p = store
            .position(ids[i])?
            .unwrap_or_else(|| panic!("place {i} lost"));
        assert_eq!((p.block, p.sentence), (place(*i).block, Some(*i as usize)));
    }
    for i in &r.pictures {
        let (_, bytes) = store
            .image(&format!("{}.png", source(*i)))?
            .unwrap_or_else(|| panic!("picture {i} lost"));
        assert!(bytes.len() == 20_000 && bytes.iter().all(|&b| b == (i % 251) as u8));
    }
    Ok(())
}

#[test]
fn killed_writers_never_damage_the_store_or_lose_a_committed_write() -> Result<(), StoreError> {
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        let start = std::env::var(CHILD_START)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        return child(Path::new(&dir), start);
    }
    let exe = std::env::current_exe().map_err(|source| StoreError::Folder {
        path: "current_exe".into(),
        source,
    })?;
    let dir = temp_dir("crash");
    let seed = std::env::var("CARE_READER_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        | 1;
    eprintln!("crash test seed {seed} (CARE_READER_CRASH_SEED to repeat)");
    let mut rng = Rng(seed);
    let mut reported = Reported::default();
    let mut next = 0u64;
    let started = Instant::now();
    let mut writes_seen = 0usize;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, &dir)
            .env(CHILD_START, next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| StoreError::Folder {
                path: exe.clone(),
                source,
            })?;
        let Some(stdout) = child.stdout.take() else {
            panic!("no stdout from the child");
        };
        let (first_tx, first_rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            let mut out = BufReader::new(stdout);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match out.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    // Only whole lines: a line cut by the kill reports nothing.
                    Ok(_) if buf.ends_with(b"\n") => {
                        let line = String::from_utf8_lossy(&buf).trim_end().to_string();
                        if line.contains("@article ") {
                            let _ = first_tx.send(());
                        }
                        lines.push(line);
                    }
                    Ok(_) => break,
                }
            }
            lines
        });
        let during_start = round % 5 == 4;
        if during_start {
            std::thread::sleep(Duration::from_micros(rng.next() % 8_000));
        } else {
            let _ = first_rx.recv_timeout(Duration::from_secs(20));
            std::thread::sleep(Duration::from_micros(rng.next() % 12_000));
        }
        let _ = child.kill(); // SIGKILL on unix
        let _ = child.wait();
        let lines = reader.join().unwrap_or_default();
        let before = reported.articles.len() + reported.places.len();
        parse(&lines, &mut reported);
        writes_seen += reported.articles.len() + reported.places.len() - before;
        if let Some(&(i, _)) = reported.articles.last() {
            next = next.max(i + 1);
        }
        check(&dir, &reported)?;
    }
    let elapsed = started.elapsed();
    eprintln!(
        "crash test: {ROUNDS} rounds killed, {} articles and {} places reported committed and found, \
         {writes_seen} writes in all, {:.1} s",
        reported.articles.len(),
        reported.places.len(),
        elapsed.as_secs_f32()
    );
    assert!(
        reported.articles.len() >= ROUNDS / 2,
        "the children were killed before they wrote much: the test proves little"
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
