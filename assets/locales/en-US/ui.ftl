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
home-recent-empty = Articles you open will be listed here.

## Loading

loading-title = Opening the page…
loading-fetching = Fetching the page from the website.
loading-extracting = Getting the article ready to read.
loading-hint = This may take a few seconds.
loading-home = Stop and go back

## Reader

reader-toolbar =
    .aria-label = Reading tools
reader-back = Back
reader-smaller = Smaller text
reader-larger = Larger text
reader-theme = Colours
reader-settings = Settings

## Reading aloud (the player in the reader's toolbar)

# The big button: says what pressing it does.
player-listen = Listen
player-pause = Pause
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
settings-theme = Colours
settings-lang = Language
settings-preview-title = Preview
settings-preview-zh = 秋天的早晨，公园里很安静。老人们在湖边散步，树叶慢慢变黄了。
settings-preview-en = On an autumn morning the park is quiet. People walk by the lake, and the leaves slowly turn yellow.
settings-reset = Back to the usual settings
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
error-browser = Open in web browser
error-home = Go to the start page

## Help

help-title = Keyboard shortcuts
help-back = Back
help-intro = You can use Care Reader with the keyboard alone. Press Tab to move to the next button.
help-keys-larger = Ctrl and =
help-larger = Larger text
help-keys-smaller = Ctrl and −
help-smaller = Smaller text
help-keys-default = Ctrl and 0
help-default = Usual text size
help-keys-address = Ctrl and L
help-address = Type a web address
help-keys-back = Esc
help-back-key = Go back
help-keys-help = F1
help-help = Show this help
help-keys-tab = Tab
help-tab = Move to the next button or link

help-speech-title = Reading aloud
help-speech-intro = These keys work while an article is open. Press Tab to reach the sentence being read; press Enter on a sentence, or click it, to read from there.
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

## Status announcements for screen readers (never the article's own text).
## The UI adds a number after status-text-size, e.g. "Text size 28".

status-opening = Opening the page…
status-opened = The article is open.
status-failed = The page could not be opened.
status-text-size = Text size
status-theme-care = Warm colours
status-theme-dark = Dark colours
status-theme-contrast = High contrast colours
status-lang = Language changed
status-settings-reset = The usual settings are back.
