//! Files the reader picks (a sources list, a family setup, a
//! pronunciation list): each format has a size no real file comes near,
//! and a larger one is refused before it is read into memory.

use std::path::Path;

/// The bytes of `path`, or `None` when it is larger than `limit` (checked
/// before reading).
pub(crate) fn read_bounded(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    if std::fs::metadata(path)?.len() > limit {
        return Ok(None);
    }
    std::fs::read(path).map(Some)
}
