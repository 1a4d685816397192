//! The line a second launch hands the running app over the single-instance
//! socket (reader_app::handover), and what the second launch does to its
//! argument before sending it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_app::handover::{Handover, HandoverError, MAX_LINE, absolute_source};

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    match Handover::from_line(&line) {
        Ok(handover) => {
            assert!(line.len() <= MAX_LINE, "a line of {} bytes taken", line.len());
            if let Some(open) = &handover.open {
                assert!(
                    !open.trim().is_empty() && !open.contains('\0'),
                    "nothing to open in {open:?}"
                );
            }
            // As the app writes it: one line, which reads back the same.
            let again = handover.to_line();
            assert!(
                again.ends_with('\n') && again.matches('\n').count() == 1,
                "{again:?} is not one line"
            );
            assert_eq!(Handover::from_line(&again), Ok(handover));
        }
        Err(HandoverError::TooLong) => assert!(line.len() > MAX_LINE),
        Err(HandoverError::NotOurs(_)) => {}
    }
    // An address is sent as it was given; a path may become absolute.
    let source = absolute_source(&line);
    if line.contains("://") {
        assert_eq!(source, line.as_ref());
    }
});
