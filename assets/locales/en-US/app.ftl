# Strings the desktop app's shell formats itself (the UI's own strings are in ui.ftl).

## The line under an article's title

# Variables:
#   $minutes (Number) - estimated reading time in minutes.
app-reading-time = { $minutes ->
    [one] about 1 minute
   *[other] about { $minutes } minutes
}

# Variables:
#   $year (Number) - year of publication.
#   $month (Number) - month, 1 to 12.
#   $day (Number) - day of the month.
app-date = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $day }, { $year }

# Separates the parts of the line under the title (site, date, reading time).
app-meta-separator = {" · "}

## The window's title: what the window shows, so a screen reader says it
## whenever it changes (Orca speaks a new title of the active window)

app-window-title-home = Care Reader
# Variables:
#   $page (String) - the article's title, or the name of the view on show.
app-window-title = { $page } · Care Reader

## The open-file dialog

app-dialog-open-title = Open a saved page
app-dialog-filter-pages = Web pages

## The backup dialogs (export and import the library)

app-dialog-export-title = Save a backup of your library
app-dialog-import-title = Bring back a library from a backup
app-dialog-filter-backup = Care Reader backups
app-dialog-import-pronunciations-title = Bring in a pronunciation list
app-dialog-filter-pronunciations = Pronunciation lists (text)

## Exporting one article (to print or share)

# Said before the article's web address at the top of an exported file.
app-export-source = Source:

app-dialog-export-article-title = Save this article to print or share
app-dialog-filter-html = Web page (HTML)
app-dialog-filter-markdown = Markdown text

## Home's news (the family's sources)

# A headline's time today.
# Variables:
#   $time (String) - hours and minutes, 09:05.
home-time-today = Today, { $time }
# Variables:
#   $time (String) - hours and minutes, 23:30.
home-time-yesterday = Yesterday, { $time }
# An older headline's day.
# Variables:
#   $month (Number) - the month, 1 to 12.
#   $day (Number) - the day of the month.
home-time-date = { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $day }

# A source that could not be read at the last refresh, its older headlines still shown.
# Variables:
#   $source (String) - the source's name.
#   $reason (String) - why, as an error message.
home-source-failed-kept = “{ $source }” could not be read just now. { $reason } Its headlines below are the ones from before.
# The same, for a source with no headlines yet.
# Variables:
#   $source (String) - the source's name.
#   $reason (String) - why, as an error message.
home-source-failed = “{ $source }” could not be read just now. { $reason }

## Leaving simple mode

unlock-done = Simple mode is off. All the settings are back.
unlock-wrong = That is not the PIN. Please try again.
# Variables:
#   $seconds (Number) - how long to wait.
unlock-wait = Please wait { $seconds } seconds, then try the PIN again.
unlock-needs-pin = Simple mode is left with the family's PIN.

## The family setup file's dialogs

app-dialog-setup-export-title = Save the family setup
app-dialog-setup-import-title = Take a family setup
app-dialog-filter-setup = Care Reader family setups

## Listening like a radio

# Said before the title of the next headline's article.
radio-next = Next:
# The first thing said when the headlines are read aloud.
radio-headlines-title = Today's news
# Said when the radio has read the last headline on Home and stops.
radio-end = That was the last headline. To hear more, choose “Get the latest news” on Home.
