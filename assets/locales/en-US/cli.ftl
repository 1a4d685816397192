## The `care-reader` command line. (Help text stays in English, from clap.)

# One line on standard error before the program stops.
# Variables:
#   $message (String) - the localised error message.
cli-error = Error: { $message }

# The --url value is not an absolute web address.
# Variables:
#   $url (String) - the value given to --url.
cli-invalid-base-url = “{ $url }” is not a full web address. Give --url an address that starts with https:// or http://.

# The result could not be printed or saved.
# Variables:
#   $path (String) - where we tried to write ("-" for standard output).
#   $detail (String) - the system's description of the problem.
cli-write-failed = Could not write “{ $path }”: { $detail }

## Batch mode (extract --batch LIST)

# The list itself could not be read; nothing was extracted.
# Variables:
#   $path (String) - the list file.
#   $detail (String) - the system's description of the problem.
cli-batch-list-unreadable = Could not read the batch list “{ $path }”: { $detail }

# A line of the list does not have three tab-separated columns.
# Variables:
#   $line (Number) - line number in the list, from 1.
cli-batch-bad-line = Line { $line } of the batch list was skipped: it needs three columns separated by tabs (HTML file, address, output file).

# A line's address is not a full web address; the page is extracted
# without one.
# Variables:
#   $path (String) - the HTML file of that line.
#   $url (String) - the address as written in the list.
cli-batch-ignored-url = { $path }: “{ $url }” is not a full web address, so the page was read without it (links and pictures with relative addresses may be missing).

# One page failed; the batch goes on.
# Variables:
#   $path (String) - the HTML file of that line.
#   $message (String) - the localised error message.
cli-batch-page-failed = { $path }: { $message }

# Printed on standard error when the batch is done.
# Variables:
#   $total (Number) - lines processed.
#   $ok (Number) - pages extracted and written.
#   $failed (Number) - pages that failed (or lines skipped).
cli-batch-summary =
    { $total ->
        [one] Processed { $total } page
       *[other] Processed { $total } pages
    }: { $ok } extracted, { $failed } failed.

# `care-reader read --voice ID` with an id the engine does not have.
# Variables:
#   $voice (String) - the id as given.
cli-unknown-voice = There is no voice “{ $voice }”. `care-reader voices` lists the voices on this computer.
