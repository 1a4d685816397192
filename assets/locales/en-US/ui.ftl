## Care Reader window: every string the UI shows or gives to a screen reader.
##
## Ids are grouped by view (app-, home-, loading-, reader-, player-, settings-, theme-,
## lang-, error-, help-, status-). The shell formats messages without
## arguments, so none of these take variables; where a number belongs in a
## message (status-text-size) the UI appends it after the text.
## Attributes (.placeholder, .aria-label) reach the UI as "id.attr".
## Write for older readers: short, plain and calm.

app-title = Care Reader

## Home

home-title = Care Reader
home-intro = Open a web page and read it in large, clear text.
home-nav =
    .aria-label = Care Reader
home-library = My library
home-settings = Settings
home-help = Help
home-address-label = Web address
home-address =
    .placeholder = Type or paste an address here
home-open = Open
home-clipboard-question = Open the link you copied?
home-clipboard-open = Open this link
home-open-file = Open a saved page…
home-recent-title = Read recently
# Above a button named by the article's title.
home-continue-question = Continue where you stopped?
home-recent-empty = Articles you open will be listed here.

## Loading

loading-title = Opening the page…
loading-fetching = Fetching the page from the website.
loading-extracting = Getting the article ready to read.
loading-hint = This may take a few seconds.
loading-home = Stop and go back

## Library: the articles kept for offline

library-back = Back
library-title = My library
library-search-label = Find in your library
library-search =
    .placeholder = A word from the title or the text
library-search-button = Find
library-all = Kept articles
library-results = Found
library-empty = Nothing is kept yet. Open an article, press More, then “Keep for offline” (or Ctrl and S): it stays here with its pictures and opens without the internet.
library-no-results = Nothing found. Try another word.
library-remove = Remove
# Before the removed article's title.
library-removed = Removed:
library-undo = Undo
# Before the date the article was kept.
library-kept-on = Kept
# How far it was read: "Read 1200 of 3000 words". The UI puts the numbers between.
library-read-before = Read
library-read-middle = of
library-read-after = words
library-not-started = Not read yet
library-removed-title = Removed this week
library-removed-hint = A removed article is kept for seven days, then deleted for good.
library-put-back = Put back

## Reader

reader-toolbar =
    .aria-label = Reading tools
reader-back = Back
reader-text-size =
    .aria-label = Text size
reader-smaller = Smaller text
reader-larger = Larger text
# The text-size buttons at either end: they say so instead of doing nothing.
reader-smallest = Smallest text
reader-largest = Largest text
reader-more = More
reader-more-panel =
    .aria-label = More tools
# The colours button names the colours in use; pressing it moves to the next.
reader-theme-care = Colours: warm
reader-theme-dark = Colours: dark
reader-theme-contrast = Colours: high contrast
reader-settings = Settings
reader-help = Help
reader-keep = Keep for offline
reader-kept = Kept for offline
# Saves one file with the article and its pictures, to print or to send.
reader-export = Save a copy to print or send…
# Reopened where the reader stopped: "You stopped at paragraph 5 of 21."
reader-stopped-before = You stopped at paragraph
reader-stopped-middle = of
reader-stopped-after = in this article.
reader-continue = Continue there
reader-from-start = From the start
# How far through the article, for screen readers: "Paragraph 3 of 12 in
# the article". The UI puts the numbers between the parts.
reader-progress =
    .aria-label = How far you have read
reader-progress-before = Paragraph
reader-progress-middle = of
reader-progress-after = in the article

## Reading aloud (the player in the reader's toolbar)

# The big button: says what pressing it does.
player-listen = Listen
player-pause = Pause
# After Listen, until the first sound is heard.
player-starting = Starting…
player-controls =
    .aria-label = Reading aloud
# Beside the message that reading aloud could not start.
player-error-help = How to fix this
player-move =
    .aria-label = Move through the article
player-previous = Previous sentence
player-next = Next sentence
player-speed =
    .aria-label = Reading speed
player-slower = Slower
player-faster = Faster
# Written after the speed number: "1.25 ×".
player-rate-unit = ×
player-rate-label = Speed
player-sentence-mode = One sentence at a time

## Settings

settings-title = Settings
settings-back = Back
settings-text-size = Text size
settings-line-height = Space between lines
settings-letter-spacing = Space between letters
settings-word-spacing = Space between words
settings-width = Line length
settings-speech = Reading aloud
settings-speech-rate = Reading speed
settings-voice-zh = Voice for Chinese
settings-voice-en = Voice for English
# The first choice in each voice list: let Care Reader choose.
settings-voice-auto = Automatic
settings-voices-loading = Looking for the voices on this computer…
settings-sentence-mode = Stop after each sentence, until I press Listen
settings-voice-test = Test the voice
settings-voice-test-playing = Testing the voice:
settings-pron = Pronunciation corrections
settings-pron-intro = When the voice says a name or a place wrong, write here how to say it. For Chinese, characters of the same sound work with every voice; for English, a spelling of the sound.
settings-pron-empty = No corrections yet.
settings-pron-lang = Language of the word
settings-pron-lang-zh = Chinese
settings-pron-lang-en = English
settings-pron-word = Word as it is written
settings-pron-say = How to say it
settings-pron-try = Say it
settings-pron-add = Add
settings-pron-import = Bring in a list from a file…
settings-pron-remove = Remove
settings-pron-said-as = said as
settings-pron-added = Correction added:
settings-pron-removed = Correction removed:
settings-pron-imported = Corrections in the list now:
settings-theme = Colours
settings-library = My library
settings-picture-article = Room for one article’s pictures
settings-picture-total = Room for all kept pictures
# After the number of megabytes: "20 MB".
settings-unit-mb = MB
settings-backup-intro = A backup file holds your library, where you stopped in each article, and your settings. Keep it on a USB stick, or bring it to a new computer.
settings-backup-export = Save a backup…
settings-backup-import = Bring back a backup…
# Followed by a number.
settings-backup-saved = Backup saved. Articles in it:
settings-backup-added = Backup brought back. New articles:
settings-lang = Language
settings-preview-title = Preview
settings-preview-zh = 秋天的早晨，公园里很安静。老人们在湖边散步，树叶慢慢变黄了。
settings-preview-en = On an autumn morning the park is quiet. People walk by the lake, and the leaves slowly turn yellow.
settings-reset = Back to the usual settings
settings-reset-question = Put the text size, spacing and line length back as they were at first?
settings-reset-yes = Yes, put them back
settings-reset-no = No, keep mine
settings-reset-done = The usual text size, spacing and line length are back.
settings-reset-undo = Undo: bring mine back
# Shown after a slider's number (the number comes first: "24 px").
settings-unit-px = px
settings-unit-times = ×
# A spacing slider at zero.
settings-value-normal = normal
# The line-length slider's value, worded around the number of characters on a
# line (in English letters, about two per Chinese character): "about 68 characters".
settings-width-before = about
settings-width-after = characters

## Colour themes

theme-care = Warm: dark text on cream
theme-dark = Dark: light text on black
theme-contrast = High contrast: yellow on black

## Languages (each named in its own language)

lang-zh-CN = 中文
lang-en-US = English

## Errors: one title and one hint per kind of problem. The message itself
## comes from errors.ftl (error-<code>), already written for the reader.

error-heading-address = This address can’t be opened
error-hint-address = A web address usually starts with https://. You can copy it from your web browser.
error-heading-network = The website could not be reached
error-hint-network = Check that the computer is connected to the internet.
error-heading-http = The website did not give us the page
error-hint-http = You can also try opening it in your web browser.
error-heading-content = This is not a page we can show
error-hint-content = Care Reader shows articles from web pages.
error-heading-file = The saved page could not be opened
error-hint-file = Choose a saved web page, a file whose name ends in .html.
error-heading-article = There is no article to read here
error-hint-article = Open a single article rather than a home page or a list.
error-heading-speech = Reading aloud is not available
error-hint-speech = You can still read the article on screen.
error-heading-generic = Something went wrong
error-hint-generic = Please try again. If it keeps happening, restart Care Reader.
error-retry = Try again
error-fix-address = Change the address
error-choose-file = Choose another file
error-browser = Open in web browser
error-home = Go to the start page

## Help

help-title = Help
help-back = Back
help-welcome-intro = The welcome guide shows, in a short article, how Care Reader works.
help-welcome = Open the welcome guide
help-keys-title = Keyboard shortcuts
help-intro = You can use Care Reader with the keyboard alone. Press Tab to move to the next button.
help-keys-larger = Ctrl and =
help-larger = Larger text
help-keys-smaller = Ctrl and −
help-smaller = Smaller text
help-keys-default = Ctrl and 0
help-default = Usual text size
help-keys-address = Ctrl and L
help-address = Type a web address
help-keys-keep = Ctrl and S
help-keep = Keep the article for offline, in your library
help-keys-back = Esc
help-back-key = Go back
help-keys-help = F1
help-help = Show this help
help-keys-fullscreen = F11
help-fullscreen = Full screen, or back to a window
help-keys-tab = Tab
help-tab = Move to the next button or link

help-speech-title = Reading aloud
help-speech-intro = These keys work while an article is open. Click a sentence, or press Enter on it, to read from there.
help-keys-play = Space
help-play = Listen or pause
help-keys-sentence = ← and →
help-sentence = Previous or next sentence
help-keys-paragraph = Ctrl and ↑ or ↓
help-paragraph = Previous or next paragraph
help-keys-speed = [ and ]
help-speed = Read slower or faster
help-keys-from-here = Enter
help-from-here = Read from the chosen sentence

help-no-sound-title = If you hear nothing when you press Listen
help-no-sound-volume = Check that the computer’s sound is turned on and not muted.
help-no-sound-speaker = Check that the speakers or headphones are plugged in and switched on.
help-no-sound-service = Reading aloud needs the computer’s speech service. On Linux someone can install it with: sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
help-no-sound-restart = Then close Care Reader, open it again, and press Listen.

## Help: for screen-reader users (Orca and others)

help-screen-reader-title = For screen-reader users
help-screen-reader-names = Every button and box has a name, and Tab goes round all of them in the window and back to the first.
help-screen-reader-pages = When a page opens, the window takes its name — the article’s title, or Settings, Help, My library — and your screen reader says it. Then use your screen reader’s own keys to read the article.
help-screen-reader-errors = When a page cannot be opened, the button that helps most is chosen for you, and your screen reader says what went wrong.
help-screen-reader-listen = Space has Care Reader’s own voice read the article, and Space again pauses. Both voices use the computer’s speech service, and your screen reader goes first: when it speaks, our sentence stops and starts again a moment later; if it keeps reading, our voice pauses, and Space goes on. Care Reader never hands the sentence being read to your screen reader, so it does not read the same text over our voice.

## Status announcements for screen readers (never the article's own text).
## The UI adds a number after status-text-size, e.g. "Text size 28".

status-opening = Opening the page…
status-opened = The article is open.
status-failed = The page could not be opened.
status-text-size = Text size
# Said after the number when the text cannot grow or shrink any further.
status-text-size-largest = — the largest
status-text-size-smallest = — the smallest
status-more-open = More tools are shown below.
status-kept = Kept for offline, with its pictures.
# Followed by how many pictures were too large to keep.
status-kept-skipped = Kept for offline. Pictures left out because they are too large:
# Followed by where the copy was saved.
status-exported = Copy saved:
status-removed = Removed from your library. You can undo it.
status-undone = Back in your library.
# "Found 3 articles"
status-found-before = Found
status-found-after = articles
status-settings-reset-question = Put the usual settings back? Choose yes or no.
status-settings-undone = Your own settings are back.
status-theme-care = Warm colours
status-theme-dark = Dark colours
status-theme-contrast = High contrast colours
status-lang = Language changed
status-settings-reset = The usual settings are back.

## Home's news (the sources the family chose)

home-sources = News sources
news-title = Today's news
news-refresh = Get the latest news
news-refreshing = Getting the latest news…
# Around two numbers: "Read 3 of 10 news sources".
news-progress-before = Read
news-progress-middle = of
news-progress-after = news sources
news-done = The news is up to date.
# After a headline's source and time, once it was opened.
news-read = Read
news-empty = No headlines yet. Press “Get the latest news”.
news-none = Choose a few news sources, and their newest headlines will be here in large print every day.
news-choose = Choose news sources

## News sources

sources-back = Back
sources-title = News sources
sources-mine = Your sources
sources-none = No sources yet. Add one of the suggestions below, or a website you like.
sources-remove = Remove
sources-add = Add
sources-added = Added
sources-address-label = Add a website or its news feed (RSS)
sources-address =
    .placeholder = Type or paste the website's address
sources-address-add = Add this source
sources-adding = Looking for the website's news…
sources-suggested = Suggestions
sources-suggested-hint = Well-known news websites. Add the ones you like.
sources-topic-national = National news
sources-topic-world = World news
sources-topic-health = Health
# Followed by the source's name.
status-source-added = Source added:
# Followed by the source's name.
status-source-removed = Source removed:

## The family setup and simple mode

home-family-setup = Set up for a family member
# Home in simple mode: the one way out, for the family.
home-unlock = For the family
settings-family = For the family
settings-family-intro = Prepare Care Reader for a parent once: news sources, text size, voice and speed, and simple mode. Use it here, or save it to a file for their computer.
settings-family-setup = Family setup…
unlock-back = Back
unlock-title = Leave simple mode
unlock-intro = Simple mode shows only the news, reading and listening. The family can turn it off here.
unlock-pin-label = The family's PIN
unlock-button = Leave simple mode
unlock-key-hint = No PIN was set: hold down Ctrl, Shift and U together for three seconds.
setup-close = Close
setup-title = Family setup
# Around two numbers: "Step 2 of 6".
setup-step-before = Step
setup-step-middle = of
setup-start-title = Set up Care Reader for someone
setup-start-intro = In a few steps: the news they like, how the text looks, the voice, and whether to use simple mode. Each choice shows at once. Has someone prepared a setup file already? Take it here.
setup-take-file = Take a family setup from a file…
setup-news-title = News to read
setup-news-intro = Tick the news they like. Their newest headlines will be on the first page in large print.
setup-news-legend = Suggested news
setup-news-more = Other websites can be added later in News sources.
setup-look-title = How the text looks
setup-look-intro = Choose what is easy to read. The whole window changes at once.
setup-size-legend = Text size
setup-look-preview = This is how articles will look: calm, large and clear.
setup-listen-title = Listening
setup-speed-legend = Reading speed
setup-auto-read = Read an article aloud as soon as it opens from the news, then go on to the next headline
setup-try-voice = Try the voice
setup-simple-title = Simple mode
setup-simple-intro = Simple mode shows only the news, reading, listening and text size. Settings and anything that deletes are hidden, so nothing can be changed by accident.
setup-simple-on = Use simple mode
setup-pin-label = A PIN to leave simple mode (4 to 8 digits, optional)
setup-pin-hint = Without a PIN, simple mode is left by holding Ctrl, Shift and U together for three seconds.
setup-done-title = Ready
setup-done-intro = Use this setup on this computer, or save it to a file to take to their computer (it stays as it is here).
setup-use-here = Use it on this computer
setup-save-file = Save it to a file…
setup-back = Back
setup-next = Next
setup-done-here = The setup is in use.
setup-saved = The setup is saved. On their computer, open Care Reader, choose Family setup, then “Take a family setup from a file”.
setup-taken = The family setup is in use.

## Listening like a radio: the sleep timer's button

radio-sleep-off = Sleep: off
# Around a number: "Stop in 30 min".
radio-sleep-after = Stop in
radio-sleep-minutes = min
radio-sleep-at-end = Stop at end
news-read-aloud = Read the headlines aloud
news-read-stop = Stop reading the headlines
