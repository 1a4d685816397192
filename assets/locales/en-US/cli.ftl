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

## The library (care-reader library ...): the same kept articles as the app

# --store names a file that is not a Care Reader store.
# Variables:
#   $path (String) - the value given to --store.
#   $name (String) - the store's file name, care-reader.sqlite3.
cli-store-name = “{ $path }” is not a Care Reader store. Give --store the file named { $name }, or the folder it is in.

# `library list` with nothing kept (on standard error).
cli-library-empty = No articles are kept yet. Keep one with `care-reader library save ADDRESS`, or with Keep for offline in the app.

# `library search` found nothing (on standard error).
# Variables:
#   $query (String) - the words searched for.
cli-library-no-results = No kept article contains “{ $query }”.

# `library save` kept an article.
# Variables:
#   $id (Number) - the article's number in the library.
#   $title (String) - its title.
#   $pictures (Number) - pictures kept for reading offline.
#   $skipped (Number) - pictures not kept (over the size limits in Settings, or not available).
cli-library-saved = Kept { $id }: “{ $title }”, with { $pictures ->
        [one] 1 picture
       *[other] { $pictures } pictures
    }{ $skipped ->
        [0] .
       *[other] ({ $skipped } not kept: over the size limits in Settings, or not available).
    }

# `library remove` removed an article.
# Variables:
#   $id (Number) - the article's number.
#   $title (String) - its title.
#   $days (Number) - how long it can be brought back.
cli-library-removed = Removed { $id }: “{ $title }”. It can be brought back in the app for { $days } days.

# `library export` wrote the backup.
# Variables:
#   $count (Number) - articles in the backup.
#   $path (String) - the backup file.
cli-library-exported = Wrote { $count ->
        [one] 1 article
       *[other] { $count } articles
    } to “{ $path }”.

# `library import` merged a backup.
# Variables:
#   $added (Number) - articles that were new here.
#   $kept (Number) - articles already here, now kept as in the backup.
#   $positions (Number) - reading places taken because they were newer.
cli-library-imported = Added { $added } articles, kept { $kept } more, and took { $positions } newer reading places. Nothing here was overwritten.

# Also said after an import that took the backup's settings (this computer had none saved).
cli-library-imported-settings = The backup's settings were taken, as none were saved here.

# `library export-article` wrote one article to a file.
# Variables:
#   $path (String) - the file written.
#   $pictures (Number) - pictures in it (or beside it, for Markdown).
#   $missing (Number) - pictures left out: not kept and not to be had now.
cli-library-article-exported = Wrote the article to “{ $path }”, with { $pictures ->
        [one] 1 picture
       *[other] { $pictures } pictures
    }{ $missing ->
        [0] .
        [one] ; 1 picture could not be had and was left out (its caption is there).
       *[other] ; { $missing } pictures could not be had and were left out (their captions are there).
    }

## `sources`: the news sources Home shows.

# Variables:
#   $id (Number) - the source's number.
#   $title (String) - its name.
#   $headlines (Number) - headlines fetched from it.
cli-sources-added = Added { $id }: “{ $title }”, with { $headlines ->
        [one] 1 headline
       *[other] { $headlines } headlines
    }.

# `sources list` with none (standard error).
cli-sources-empty = No news sources yet. Add one with `care-reader sources add ADDRESS` (a website or its RSS feed), or in the app's setup.

# Variables:
#   $id (Number) - the source's number.
#   $title (String) - its name.
cli-sources-removed = Removed { $id }: “{ $title }”, and its headlines.

# While refreshing (standard error).
# Variables:
#   $done (Number) - sources read so far.
#   $total (Number) - sources in all.
cli-sources-progress = Read { $done } of { $total } sources…

# A source that failed in a refresh (standard error); $reason is the error's message.
# Variables:
#   $title (String) - the source's name.
#   $reason (String) - the error's message.
cli-sources-failed = “{ $title }” could not be read: { $reason }

# Variables:
#   $ok (Number) - sources read.
#   $failed (Number) - sources that could not be read.
#   $ahead (Number) - articles fetched ahead.
cli-sources-refreshed = { $ok } sources read, { $failed } could not be read; { $ahead } articles fetched ahead for reading offline.

# Variables:
#   $added (Number) - sources added.
cli-sources-imported = Added { $added ->
        [one] 1 source
       *[other] { $added } sources
    }. Their headlines come with the next refresh.

# Variables:
#   $count (Number) - sources written.
#   $path (String) - the file.
cli-sources-exported = Wrote { $count ->
        [one] 1 source
       *[other] { $count } sources
    } to “{ $path }”.

# The title inside an exported OPML file.
sources-list-title = News sources from Care Reader

## `profile`: the family setup file.

# Variables:
#   $path (String) - the file written.
cli-profile-exported = Wrote the family setup to “{ $path }”.
# Variables:
#   $sources (Number) - news sources in the setup.
#   $words (Number) - pronunciations in the setup.
cli-profile-imported = Took the family setup: its settings, { $sources } news sources and { $words } pronunciations.
