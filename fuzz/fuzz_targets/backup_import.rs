//! A backup file → the store (reader_store::Store::import_bytes).
//!
//! The promise (docs/backup.md): a file that is damaged, not ours, too new or
//! otherwise refused changes nothing; one that is taken merges, and taking
//! it a second time adds nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_store::Store;

/// Every row of every table, as text, in a stable order.
fn snapshot(store: &Store) -> Vec<String> {
    let conn = store.connection();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("list tables");
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out = Vec::new();
    for table in tables {
        let sql = format!("SELECT * FROM \"{table}\"");
        let mut stmt = conn.prepare(&sql).expect("select a table");
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut row = format!("{table}:");
                for c in 0..columns {
                    row.push_str(&format!(" {:?}", r.get_ref(c)?));
                }
                Ok(row)
            })
            .and_then(Iterator::collect)
            .expect("read a table");
        rows.sort();
        out.extend(rows);
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let store = Store::in_memory().expect("an in-memory store");
    let before = snapshot(&store);
    match store.import_bytes(data) {
        Err(e) => {
            assert_eq!(
                snapshot(&store),
                before,
                "a refused backup ({e}) changed the store"
            );
        }
        Ok(first) => match store.import_bytes(data) {
            Ok(second) => {
                assert_eq!(
                    second.added, 0,
                    "the same backup added articles twice: {first:?} then {second:?}"
                );
            }
            Err(e) => {
                panic!("a backup taken once is refused the second time: {e}");
            }
        },
    }
});
