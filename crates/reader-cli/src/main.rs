//! `care-reader`: the command line. (Placeholder; being written.)
fn main() {}
