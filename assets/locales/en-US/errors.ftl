## Errors the reader sees: in the app, read aloud, and on the command line.
##
## Every error the core can produce has a message `error-<code>`, where
## <code> is the id of a `reader_errors::ErrorCode`, the one list of codes;
## its tests hold every locale to every code.
## Keep each message short and calm, avoid technical words, and end with
## what to do next. Placeables in quotes are what the reader typed or what
## the page is called.
##
## EMPTY($x) is our own function: "true" when $x is missing or empty, so a
## message can read naturally without it.

# Something failed inside Care Reader itself (a task that stopped, a reply
# that could not be built): not the page's fault, nor the reader's.
error-internal = Something went wrong inside Care Reader. Please try again; if it keeps happening, restart Care Reader.

## Addresses and files

# Variables:
#   $address (String) - what the reader typed or pasted; may be empty.
error-invalid-address =
    { EMPTY($address) ->
        [true] Please type or paste the address of a web page.
       *[false] “{ $address }” is not a web address that can be opened. Check the address and try again.
    }

# Variables:
#   $scheme (String) - the part of the address before the colon, e.g. "ftp".
error-unsupported-scheme = Addresses that start with “{ $scheme }:” can’t be opened here. Use an address that starts with https:// or http://.

# Variables:
#   $path (String) - the file name as given.
error-file-not-found = The file “{ $path }” could not be found. Check the file name and try again.

# Variables:
#   $path (String) - the path as given; it names a folder or a device.
error-not-a-file = “{ $path }” is a folder, not a file. Choose a saved web page (an .html file) and try again.

# Variables:
#   $path (String) - the file name as given, or "stdin" for standard input.
#   $detail (String) - the system's technical description; not shown to readers.
#   $writing (String) - "yes" when writing the file failed (exporting an article); not given for reading.
error-io =
    { $path ->
        [stdin] The page could not be read from standard input. Please try again.
       *[other] { $writing ->
            [yes] The file “{ $path }” could not be saved. Check that the disk has room and that you may save in that folder, then try again.
           *[other] The file “{ $path }” could not be opened. Check that it is still there and that you may read it, then try again.
        }
    }

## Network

# The site's name could not be looked up (DNS): usually a typing mistake.
# Variables:
#   $host (String) - the website's name, e.g. "news.163.com".
error-host-not-found = No website called “{ $host }” could be found. Check the address for a typing mistake. If it is right, check that the computer is connected to the internet.

# The name was found, but the website did not take the connection.
# Variables:
#   $host (String) - the website's name, e.g. "news.163.com".
error-unreachable = The website { $host } did not answer. It may be down or busy just now. Please try again in a few minutes.

# This computer has no way onto the internet at all.
# Variables:
#   $host (String) - the website's name; not shown.
error-offline = This computer is not connected to the internet. Check the network cable or the Wi-Fi, then try again.

# Variables:
#   $host (String) - the website's name.
error-tls = Could not open a secure connection to { $host }. The website’s security certificate may be out of date, or your computer’s clock may be wrong. Please try again later.

# Variables:
#   $seconds (Number) - how long we waited.
error-timeout =
    The website took too long to answer (more than { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }). Please try again later.

# Variables:
#   $limit (Number) - how many redirects we follow before giving up.
error-too-many-redirects = The website kept sending us on to other addresses (more than { $limit } times), so the page could not be opened. Try the article’s own address.

# Variables:
#   $url (String) - the address where the loop was noticed; not shown.
error-redirect-loop = The website keeps sending us round in a circle, so the page could not be opened. Please try again later.

# Variables:
#   $status (Number) - the HTTP status code: 404 or 410.
#   $url (String) - the address that answered; not shown.
error-page-not-found =
    { $status ->
        [410] This page has been removed from the website. Check the address, or look for the article on the website itself.
       *[other] This page was not found on the website. Check the address for a typing mistake.
    }

# Variables:
#   $status (Number) - the HTTP status code: 401 or 403.
#   $url (String) - the address that answered; not shown.
error-forbidden =
    { $status ->
        [401] This page is only for signed-in visitors. You can open it in your web browser and sign in there.
       *[other] The website would not let Care Reader open this page. Try opening it in your web browser.
    }

# Variables:
#   $status (Number) - the HTTP status code: 429, 408 or 5xx.
#   $url (String) - the address that answered; not shown.
error-server-busy =
    { $status ->
        [429] The website is busy with too many visits. Please wait a few minutes and try again.
       *[other] The website is having trouble right now. Please try again in a few minutes.
    }

# Any other error status. The number is not shown: it means nothing to readers.
# Variables:
#   $status (Number) - the HTTP status code, e.g. 400.
#   $url (String) - the address that answered; not shown.
error-http-status = The website could not give us this page. Try opening it in your web browser, or check the address.

# Variables:
#   $limit (Number) - the size limit in megabytes, e.g. 15.
error-too-large = This page is too big to open (more than { $limit } MB). You can open it in your web browser instead.

# Variables:
#   $kind (String) - what it is, in words: picture, pdf, video, audio,
#     archive, document, ebook, or file for anything else.
error-unsupported-content-type =
    This is { $kind ->
        [picture] a picture
        [pdf] a PDF document
        [video] a video
        [audio] a sound recording
        [archive] a compressed file
        [document] an office document
        [ebook] an e-book
       *[other] a file
    }, not a web page, so Care Reader can’t show it. Your web browser or another program can open it.

# Variables:
#   $detail (String) - the technical description; not shown to readers.
error-network = The page could not be loaded because of a network problem. Check your internet connection and try again.

## Reading the page

# Variables:
#   $title (String) - the page's title; may be empty.
error-no-article =
    { EMPTY($title) ->
        [true] There is no article to read on this page. It may be a home page, a list of links or files, or a sign-in page. Open a single article instead.
       *[false] There is no article to read on “{ $title }”. It may be a home page, a list of links or files, or a sign-in page. Open a single article instead.
    }

error-empty-page = This page is empty, so there is nothing to read. Check the address.

## Saved settings and articles

error-store-unavailable = Care Reader could not save your settings on this computer. You can keep reading; changes last until you close the app.

error-store-reset = Your saved settings could not be read, so Care Reader started with fresh settings. The old file was kept in case someone can recover it.

error-saving-off = Care Reader cannot save anything on this computer right now: the disk may be full, or the folder may not allow changes. You can keep reading and listening, and nothing saved before is lost.

error-backup-unreadable = This file is not a Care Reader backup, or it is damaged. Nothing was changed. Choose another backup file.

error-backup-too-new = This backup was made by a newer Care Reader. Nothing was changed. Update Care Reader, then try again.

## The pronunciation dictionary

error-pronunciation-invalid = Both the word and how to say it are needed, each at most 100 characters on one line. Nothing was added.
# Variables:
#   $line (Number) - the line of the file that is damaged (0: the file as a whole)
error-pronunciation-file-unreadable = { $line ->
    [0] This file is not a Care Reader pronunciation list, or it is damaged. Your list was not changed. Choose another file.
   *[other] This file is not a Care Reader pronunciation list, or it is damaged (line { $line }). Your list was not changed. Choose another file.
}

## News sources

error-no-feed = This address has no news feed, and its page does not name one. Check the address, or ask the website for its RSS address.

error-feed-unreadable = This news feed could not be read: the website sent something damaged. Try again later.

error-source-unknown = There is no such news source. It may have been removed already.

error-sources-file-unreadable = This file is not a list of news sources (OPML), or it is damaged. Nothing was changed. Choose another file.

## The family setup and simple mode

error-setup-unreadable = This file is not a Care Reader family setup, or it is damaged. Nothing was changed. Choose another file.

error-setup-too-new = This family setup was made by a newer Care Reader. Nothing was changed. Update Care Reader, then try again.

error-pin-invalid = A PIN is 4 to 8 digits, for example 2468.

error-simple-mode-locked = This is kept for the family in simple mode. To change it, the family leaves simple mode first (“For the family” on the first page).

## The desktop app

error-not-remembered = This article is no longer in your list. Open it again from its address.

error-browser-unavailable = No web browser could be opened on this computer.

## Reading aloud

# Variables:
#   $platform (String) - the operating system: linux, windows, macos or other.
error-speech-missing = { $platform ->
    [linux] Reading aloud needs the speech service, which is not installed or did not start. Someone can install it with: sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng — then restart Care Reader. Reading on screen works as before.
    [windows] Reading aloud needs the Windows voices, which could not be started. Someone can check that a voice is listed in Settings › Time & language › Speech. On an “N” edition of Windows, the Media Feature Pack is needed too (search Settings for “Optional features”). Then restart Care Reader. Reading on screen works as before.
    [macos] Reading aloud needs the Mac’s voices, which could not be started. Quit Care Reader and open it again; if that does not help, someone can check System Settings › Accessibility › Spoken Content. Reading on screen works as before.
   *[other] Reading aloud needs a speech engine, and none could be reached on this computer. Reading on screen works as before.
}
# Variables:
#   $platform (String) - the operating system, as above.
#   $language (String) - the language's name, e.g. "Chinese".
error-speech-no-voice = { $platform ->
    [linux] There is no voice for { $language } on this computer. Someone can add one with: sudo apt install espeak-ng speech-dispatcher-espeak-ng
    [windows] There is no voice for { $language } on this computer. Someone can add one in Settings › Time & language › Speech: under “Manage voices”, choose “Add voices” and pick the language. Then restart Care Reader.
    [macos] There is no voice for { $language } on this computer. Someone can add one in System Settings › Accessibility › Spoken Content: open the “System voice” list, choose “Manage Voices…” and tick a voice of the language (for Chinese, Tingting). Then restart Care Reader.
   *[other] There is no voice for { $language } on this computer. A voice can be added in the system's speech settings.
}
error-speech-silent = No sound came from the voice, so reading was paused here. Check that the sound is on and a speaker or headphones are connected, then press Listen again.
error-speech-failed = Something went wrong while reading aloud, so reading was paused here. Press Listen to try again.
